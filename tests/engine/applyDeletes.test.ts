/**
 * kubectl apply deletes what the last apply set and the manifest dropped: the three-way merge patch
 * (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go → strategicpatch.CreateThreeWayMergePatch) sends the
 * dropped map fields as null.
 */
import { describe, expect, it } from 'vitest'
import { withDeletions } from '../../src/engine/kubectl/index.ts'
import { applyAndRun, pod } from './helpers.ts'

describe('withDeletions', () => {
  it('nulls fields the original had and the new one lacks, at any depth of maps', () => {
    const original = { metadata: { labels: { app: 'web', tier: 'x' } }, spec: { schedulingGates: [{ name: 'g' }] } }
    const modified = { metadata: { labels: { app: 'web' } }, spec: {} }
    expect(withDeletions(modified, original)).toEqual({
      metadata: { labels: { app: 'web', tier: null } },
      spec: { schedulingGates: null },
    })
    expect(withDeletions(modified, undefined)).toBe(modified)
  })
})

describe('apply after removing a label and the scheduling gates', () => {
  const gated = pod('web', '  labels: {app: web, tier: x}\n').replace('spec:\n', 'spec:\n  schedulingGates: [{name: example.com/wait}]\n')
  const sim = applyAndRun({ manifests: gated, untilMs: 20_000 })
  it('is gated first', () => {
    expect(sim.pods()[0].spec?.nodeName).toBeUndefined()
  })
  it('then drops the label, lifts the gate and the pod is scheduled and runs', () => {
    sim.apply({ files: [{ name: 'pod.yaml', text: pod('web', '  labels: {app: web}\n') }] })
    sim.run(sim.nowMs() + 60_000)
    const p = sim.pods()[0]
    expect(sim.kubectlResults[1].stdout).toContain('pod/web configured')
    expect(p.metadata?.labels).toEqual({ app: 'web' })
    expect(p.spec?.schedulingGates ?? []).toEqual([])
    expect(p.spec?.nodeName).toBeTruthy()
    expect(p.status?.phase).toBe('Running')
  })
})
