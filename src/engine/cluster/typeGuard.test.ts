import { describe, expect, it } from 'vitest'
import { parseDocuments } from '../yaml.ts'
import { clusterDecodeMessage, clusterDocumentError, clusterTypeError, kubeconfigLoadError } from './typeGuard.ts'
import type { KObject } from '../api/types.ts'

const unmarshal = (what: string, where: string, type: string) =>
  `json: cannot unmarshal ${what} into Go struct field ${where} of type ${type}`

/** firstError decodes a cluster file's documents as the loader does and words the first error with its position. */
function firstError(text: string): string | undefined {
  const docs = parseDocuments(text)
  for (const [i, d] of docs.entries()) {
    if (d.value === null || d.value === undefined) continue
    const err = clusterDocumentError(d.value)
    if (err) return clusterDecodeMessage(err, text, i)
  }
  return undefined
}

describe('cluster file decoding, with the line and column', () => {
  it('a Node whose name is a number', () => {
    expect(firstError('apiVersion: v1\nkind: Node\nmetadata: {name: 42}\n'))
      .toBe(`Node at line 3, column 18: ${unmarshal('number', 'ObjectMeta.metadata.name', 'string')}`)
  })
  it('a wrong type deep in any API kind, in the second document', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: ReplicaSet\n'
      + 'metadata: {name: r}\nspec:\n  replicas: "2"\n'
    expect(firstError(text))
      .toBe(`ReplicaSet at line 9, column 13: ${unmarshal('string', 'ReplicaSetSpec.spec.replicas', 'int32')}`)
  })
  it('a quantity that does not parse (a Node capacity)', () => {
    expect(firstError('apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  capacity: {cpu: [1]}\n'))
      .toMatch(/^Node at line 5, column 19: quantities must match the regular expression/)
  })
  it('an item of a kind: List, by its index', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n'
      + '- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n  data: {k: 5}\n'
    expect(firstError(text)).toBe(`Secret at line 10, column 13: ${unmarshal('number', 'Secret.data', '[]uint8')}`)
  })
  it('List items that are not a list', () => {
    expect(firstError('apiVersion: v1\nkind: List\nitems: {a: 1}\n')).toBe('List at line 3, column 8: '
      + 'json: cannot unmarshal object into Go struct field List.items of type []runtime.RawExtension')
  })
  it('a kind that is a number, or a document that is not a mapping: the apiVersion/kind probe (meta.Interpret)', () => {
    expect(firstError('apiVersion: v1\nkind: 7\n')).toBe('<no kind> at line 2, column 7: couldn\'t get version/kind; '
      + 'json parse error: json: cannot unmarshal number into Go struct field .kind of type string')
    expect(clusterDocumentError({ kind: 'List', items: ['x'] })?.message).toBe('couldn\'t get version/kind; json parse '
      + 'error: json: cannot unmarshal string into Go value of type struct { '
      + 'APIVersion string "json:\\"apiVersion,omitempty\\""; '
      + 'Kind string "json:\\"kind,omitempty\\"" }')
  })
  it('a kubeconfig (clientcmd v1.Config)', () => {
    const text = 'apiVersion: v1\nkind: Config\nusers:\n- name: a\n  user:\n    token: 12\n'
    expect(firstError(text))
      .toBe(`Config at line 6, column 12: ${unmarshal('number', 'AuthInfo.users.user.token', 'string')}`)
    expect(firstError('apiVersion: v1\nkind: Config\nusers: [null, {name: a, user: null}]\n')).toBeUndefined()
  })
  it('a kubeconfig read by kubectl: clientcmd\'s loading error', () => {
    const doc = { apiVersion: 'v1', kind: 'Config', contexts: [{ context: 'x' }] }
    expect(kubeconfigLoadError('/home/u/.kube/config', doc)).toBe('error loading config file "/home/u/.kube/config": '
      + unmarshal('string', 'NamedContext.contexts.context', 'v1.Context'))
    expect(kubeconfigLoadError('c', { apiVersion: 'v1', kind: 'Config', unknown: 1 })).toBeUndefined()
  })
  it('a KubeSchedulerConfiguration', () => {
    const text = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles: "default"\n'
    expect(firstError(text)).toBe('KubeSchedulerConfiguration at line 3, column 11: '
      + unmarshal('string', 'KubeSchedulerConfiguration.profiles', '[]v1.KubeSchedulerProfile'))
  })
  it('unknown fields, unknown kinds and nulls are not decoding errors here', () => {
    expect(firstError('apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: {foo: 1}\nstatus: {capacity: null}\n'))
      .toBeUndefined()
    expect(firstError('apiVersion: v1\nkind: Widget\nspec: {replicas: "x"}\n')).toBeUndefined()
  })
  it('clusterTypeError keeps the message alone for an object already read', () => {
    expect(clusterTypeError({ apiVersion: 'v1', kind: 'Node', metadata: { name: 42 } } as unknown as KObject))
      .toBe(unmarshal('number', 'ObjectMeta.metadata.name', 'string'))
  })
})
