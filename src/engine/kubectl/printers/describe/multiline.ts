/**
 * The multi-line map and list fields of `kubectl describe` (Labels, Annotations, Node-Selectors, Tolerations).
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go printLabelsMultilineWithIndent,
 * printAnnotationsMultiline (skips kubectl.kubernetes.io/last-applied-configuration, maxAnnotationLen 140, shorten),
 * printTolerationsMultilineWithIndent.
 */
import type { Toleration } from '../../../api/types.ts'
import { LEVEL_0 } from './tabwriter.ts'
import type { PrefixWriter } from './tabwriter.ts'

const MAX_ANNOTATION_LEN = 140
/** describe.go skipAnnotations: corev1.LastAppliedConfigAnnotation. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

// Go's sort.Strings compares bytes; for the ASCII keys labels allow that is code-unit order.
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort(byteOrder)
  if (!labels || keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${key}=${labels[key]}\n`)
  })
}

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}...` : s)

export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  const all = annotations ?? {}
  const keys = Object.keys(all)
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(byteOrder)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    const value = all[key].endsWith('\n') ? all[key].slice(0, -1) : all[key]
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

export function printPodTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  // sort.Slice by Key; Go's insertion sort keeps equal keys in order for the short lists pods carry.
  const sorted = [...tolerations].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    let line = t.key ?? ''
    if (t.value) line += `=${t.value}`
    if (t.effect) line += `:${t.effect}`
    // operator Exists with no value tolerates everything with that key (or everything at all).
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${line}\n`)
  })
}
