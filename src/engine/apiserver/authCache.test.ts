import { describe, expect, it } from 'vitest'
import type { KObject } from '../api/types.ts'
import { Authenticator } from './authn.ts'
import { authorize, DecisionCache } from './authz.ts'
import type { AuthzStore } from './authz.ts'
import type { RequestInfo } from './requestInfo.ts'

const info = (verb: string, resource: string, name: string): RequestInfo => ({
  isResourceRequest: true, path: `/api/v1/namespaces/default/${resource}/${name}`, verb, apiGroup: '', apiVersion: 'v1',
  namespace: 'default', resource, subresource: '', name,
})

function rbac(rules: object[]): AuthzStore {
  const objects: Record<string, KObject> = {
    '/registry/clusterrolebindings/b': {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' },
      subjects: [{ kind: 'User', name: 'alice' }], roleRef: { kind: 'ClusterRole', name: 'r' },
    } as KObject,
    '/registry/clusterroles/r': {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' }, rules,
    } as KObject,
  }
  return {
    list: (p) => Object.keys(objects).filter((k) => k.startsWith(p)).sort().map((k) => objects[k]),
    get: (k) => objects[k],
  }
}

describe('DecisionCache', () => {
  const alice = { username: 'alice', groups: ['system:authenticated'] }

  it('answers as authorize does, per name when a rule names resources', () => {
    const store = rbac([
      { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['mine'] },
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
    ])
    const cache = new DecisionCache()
    const requests = [
      info('get', 'configmaps', 'mine'), info('get', 'configmaps', 'theirs'), info('get', 'configmaps', 'mine'),
      info('get', 'pods', 'a'), info('get', 'pods', 'b'), info('delete', 'pods', 'a'),
    ]
    for (const i of requests) {
      expect(cache.authorize(['RBAC'], alice, i, store, 7)).toEqual(authorize(['RBAC'], alice, i, store))
    }
  })

  it('forgets its decisions when the RBAC revision moves', () => {
    const cache = new DecisionCache()
    const i = info('get', 'pods', 'a')
    expect(cache.authorize(['RBAC'], alice, i, rbac([]), 1).decision).toBe('NoOpinion')
    const granted = rbac([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }])
    expect(cache.authorize(['RBAC'], alice, i, granted, 1).decision).toBe('NoOpinion')
    expect(cache.authorize(['RBAC'], alice, i, granted, 2).decision).toBe('Allow')
  })
})

describe('Authenticator', () => {
  const jwt = (sub: string) => `e30.${btoa(JSON.stringify({ sub })).replace(/=+$/, '')}.sig`

  it('keeps a service-account token\'s answer only while its ServiceAccount object is the same', () => {
    let sa: KObject | undefined = {
      apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'x', namespace: 'ns', uid: 'u1' },
    }
    const authn = new Authenticator({ clientCA: 'kubernetes', staticTokens: [], getServiceAccount: () => sa })
    const headers = { Authorization: `Bearer ${jwt('system:serviceaccount:ns:x')}` }
    const req = { id: 1, verb: 'GET' as const, path: '/api/v1/pods', query: {}, headers }
    const first = authn.authenticate(req)
    expect(first.user?.uid).toBe('u1')
    expect(authn.authenticate(req)).toBe(first)
    sa = { ...sa, metadata: { ...sa.metadata, uid: 'u2' } }
    expect(authn.authenticate(req).user?.uid).toBe('u2')
    sa = undefined
    expect(authn.authenticate(req).error).toBe('invalid bearer token')
  })
})
