import { describe, expect, it } from 'vitest'
import { applyAndRun } from '../../tests/engine/helpers.ts'
import { podOwners } from './owners.ts'

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`

describe('podOwners', () => {
  it("a Deployment's pods are owned by its ReplicaSet (web-<hash>), named in first-write order", () => {
    const sim = applyAndRun({ manifests: deployment, untilMs: 60_000 })
    const owners = podOwners(sim.trace).filter((o) => o.pod.startsWith('default/web-'))
    expect(owners).toHaveLength(3)
    const rs = owners[0].owner
    expect(rs?.kind).toBe('ReplicaSet')
    expect(rs?.name).toMatch(/^web-[a-z0-9]+$/)
    for (const o of owners) {
      expect(o.owner).toEqual(rs)
      expect(o.pod.startsWith(`default/${rs?.name}-`)).toBe(true)
    }
  })
  it('a bare pod has no owner', () => {
    const sim = applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: c\n    image: nginx\n' })
    expect(podOwners(sim.trace).find((o) => o.pod === 'default/nginx')).toEqual({ pod: 'default/nginx' })
  })
})
