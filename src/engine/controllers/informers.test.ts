import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import type { WatchEvent } from '../client/http.ts'
import { getControllerOf } from './controllerUtils.ts'
import { Informer } from './informers.ts'

/** A client whose watch hands the informer's callback to the test, to feed it notifications by hand. */
function feed(inf: Informer<Pod>): (type: WatchEvent['type'], pod: Pod) => void {
  let onEvent: ((e: WatchEvent) => void) | undefined
  const client = { watch: (_p: string, _q: Record<string, string>, cb: (e: WatchEvent) => void) => { onEvent = cb } }
  inf.start(client as unknown as ApiClient)
  return (type, pod) => onEvent?.({ type, object: pod as WatchEvent['object'] })
}

const pod = (ns: string, name: string, owner?: string, phase = 'Pending'): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    namespace: ns, name,
    ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true }] } : {}),
  },
  status: { phase },
})

/** What listControlledBy must equal: the namespace's list filtered by controller uid. */
const byScan = (inf: Informer<Pod>, uid: string, ns: string) =>
  inf.list(ns).filter((p) => getControllerOf(p.metadata)?.uid === uid)

describe('Informer', () => {
  it('lists in key order, and the controller index gives the same pods as a scan through adds, updates, deletes', () => {
    const inf = new Informer<Pod>('/api/v1/pods', () => true)
    const send = feed(inf)
    send('ADDED', pod('default', 'web-c', 'web'))
    send('ADDED', pod('default', 'web-a', 'web'))
    send('ADDED', pod('default', 'db-a', 'db'))
    send('ADDED', pod('other', 'web-b', 'web'))
    send('ADDED', pod('default', 'lonely'))
    const names = (ps: Pod[]) => ps.map((p) => `${p.metadata?.name}:${p.status?.phase}`)
    expect(names(inf.list('default'))).toEqual(['db-a:Pending', 'lonely:Pending', 'web-a:Pending', 'web-c:Pending'])
    expect(names(inf.listControlledBy('uid-web', 'default'))).toEqual(['web-a:Pending', 'web-c:Pending'])
    // An update is seen at once, in its place.
    send('MODIFIED', pod('default', 'web-c', 'web', 'Running'))
    expect(names(inf.listControlledBy('uid-web', 'default'))).toEqual(['web-a:Pending', 'web-c:Running'])
    // A pod that changes controller moves between the index's sets; one that loses it leaves them.
    send('MODIFIED', pod('default', 'web-a', 'db'))
    send('MODIFIED', pod('default', 'db-a'))
    expect(names(inf.listControlledBy('uid-db', 'default'))).toEqual(['web-a:Pending'])
    send('ADDED', pod('default', 'web-0', 'web'))
    send('DELETED', pod('default', 'web-c', 'web', 'Running'))
    for (const [uid, ns] of [['uid-web', 'default'], ['uid-web', 'other'], ['uid-db', 'default'], ['uid-none', 'default']]) {
      expect(inf.listControlledBy(uid, ns)).toEqual(byScan(inf, uid, ns))
    }
    expect(names(inf.listControlledBy('uid-web', 'default'))).toEqual(['web-0:Pending'])
    expect(inf.listControlledBy('', 'default')).toEqual([])
    expect(names(inf.list())).toEqual(['db-a:Pending', 'lonely:Pending', 'web-0:Pending', 'web-a:Pending', 'web-b:Pending'])
  })
})
