/**
 * `kubectl get -o yaml`: the object as stored, printed the way kubectl prints it. kubectl marshals to JSON and
 * converts with sigs.k8s.io/yaml (go-yaml v2), so keys come out sorted, list items sit at their parent's
 * indentation, and long strings are not folded here; metadata.managedFields is left out unless asked for
 * (--show-managed-fields=false is the default since v1.21; staging/src/k8s.io/cli-runtime/pkg/printers).
 */
import { stringify } from 'yaml'
import type { KObject } from '../../api/types.ts'

export function toKubectlYaml(obj: KObject, showManagedFields = false): string {
  let shown: KObject = obj
  if (!showManagedFields && obj.metadata && 'managedFields' in obj.metadata) {
    const { managedFields: _omitted, ...metadata } = obj.metadata as Record<string, unknown>
    shown = { ...obj, metadata } as KObject
  }
  return stringify(shown, { sortMapEntries: true, indentSeq: false, lineWidth: 0 })
}
