import { describe, expect, it } from 'vitest'
import { EtcdStore } from './store.ts'

const obj = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } })

describe('EtcdStore', () => {
  it('every successful write transaction bumps the global revision by one', () => {
    const s = new EtcdStore()
    const r1 = s.txn([{ key: '/registry/pods/default/a', modRevision: 0 }], [{ type: 'put', key: '/registry/pods/default/a', value: obj('a') }])
    const r2 = s.txn([], [{ type: 'put', key: '/registry/pods/default/b', value: obj('b') }])
    expect(r1.succeeded).toBe(true)
    expect(r2.revision).toBe(r1.revision + 1)
    const kv = s.get('/registry/pods/default/a')
    expect(kv?.createRevision).toBe(r1.revision)
    expect(kv?.version).toBe(1)
  })

  it('a failed compare writes nothing and keeps the revision', () => {
    const s = new EtcdStore()
    s.txn([], [{ type: 'put', key: 'k', value: obj('a') }])
    const rev = s.revision()
    const r = s.txn([{ key: 'k', modRevision: 0 }], [{ type: 'put', key: 'k', value: obj('b') }])
    expect(r.succeeded).toBe(false)
    expect(s.revision()).toBe(rev)
    expect(s.get('k')?.value.metadata?.name).toBe('a')
  })

  it('watchers on a prefix see puts and deletes in revision order', () => {
    const s = new EtcdStore()
    const seen: string[] = []
    s.watch('/registry/pods/', (e) => seen.push(`${e.type} ${e.kv.key} ${e.revision}`))
    s.txn([], [{ type: 'put', key: '/registry/pods/default/a', value: obj('a') }])
    s.txn([], [{ type: 'put', key: '/registry/minions/n1', value: obj('n1') }])
    s.txn([], [{ type: 'delete', key: '/registry/pods/default/a' }])
    expect(seen).toEqual(['PUT /registry/pods/default/a 2', 'DELETE /registry/pods/default/a 4'])
  })

  it('range lists keys under a prefix in key order', () => {
    const s = new EtcdStore()
    for (const n of ['c', 'a', 'b']) s.txn([], [{ type: 'put', key: `/registry/pods/default/${n}`, value: obj(n) }])
    expect(s.range('/registry/pods/').map((kv) => kv.key)).toEqual(['/registry/pods/default/a', '/registry/pods/default/b', '/registry/pods/default/c'])
  })

  it('range stays in key order and current through creates, updates and deletes (its key order is cached)', () => {
    const s = new EtcdStore()
    const put = (ns: string, n: string, v = n) =>
      s.txn([], [{ type: 'put', key: `/registry/pods/${ns}/${n}`, value: { ...obj(v), metadata: { name: v, namespace: ns } } }])
    const names = (prefix: string) => s.range(prefix).map((kv) => `${kv.key.slice('/registry/pods/'.length)}=${kv.value.metadata?.name}`)
    put('default', 'b')
    put('kube-system', 'a')
    put('default', 'a')
    expect(names('/registry/pods/')).toEqual(['default/a=a', 'default/b=b', 'kube-system/a=a'])
    put('default', 'b', 'b2')
    expect(names('/registry/pods/default/')).toEqual(['default/a=a', 'default/b=b2'])
    put('default', 'aa')
    s.txn([], [{ type: 'delete', key: '/registry/pods/default/a' }])
    expect(names('/registry/pods/')).toEqual(['default/aa=aa', 'default/b=b2', 'kube-system/a=a'])
    expect(names('/registry/pods/nope/')).toEqual([])
    expect(names('/registry/nodes/')).toEqual([])
  })
})
