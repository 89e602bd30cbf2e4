/**
 * DefaultBinder: POST /api/v1/namespaces/{ns}/pods/{name}/binding with the target node.
 * Mirrors: plugins/defaultbinder/default_binder.go.
 */
import type { ApiClient } from '../../client/apiClient.ts'
import type { BindPlugin, Handle } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NAME = 'DefaultBinder'

export class DefaultBinder implements BindPlugin {
  readonly name = NAME
  private readonly handle: Handle
  constructor(handle: Handle) {
    this.handle = handle
  }
  bind(_state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): 'pending' {
    this.handle.actions.bind(pod, nodeName, done)
    return 'pending'
  }
}

/** postBinding is the binding request the plugin's Bind makes through the scheduler's client (its `done` the result). */
export function postBinding(client: ApiClient, pi: PodInfo, node: string, done: (s: MaybeStatus) => void): void {
  const [namespace, name] = pi.key.split('/')
  const body = {
    apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid: pi.pod.metadata?.uid },
    target: { apiVersion: 'v1', kind: 'Node', name: node },
  }
  client.request({ verb: 'POST', path: `/api/v1/namespaces/${namespace}/pods/${name}/binding`, body }, (res) => {
    const message = (res.body as { message?: string } | undefined)?.message
    if (res.code >= 300) done(newStatus(Code.Error, String(message ?? `binding failed with ${res.code}`)))
    else done(null)
  }, { pod: pi.key, purpose: 'binding' })
}
