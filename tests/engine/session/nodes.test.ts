/**
 * Commands that change where pods land: cordon, drain (evictions through the Eviction API, with the ReplicaSet
 * recreating the pods elsewhere), taint and label; and kubectl auth can-i.
 */
import { describe, expect, it } from 'vitest'
import { THREE_WORKERS, k, live, named, nodeOf, out, runSession } from './helpers.ts'

describe('cordon', () => {
  it('marks the node unschedulable: a pod created afterwards avoids it', () => {
    const sim = runSession([
      k('cordon worker-1'),
      k('cordon worker-1'),
      k('run solo --image=nginx:1.27'),
      k('get nodes'),
    ], { clusterText: THREE_WORKERS })
    expect(out(sim, 0)).toBe('node/worker-1 cordoned\n')
    expect(out(sim, 1)).toBe('node/worker-1 already cordoned\n')
    expect(out(sim, 2)).toBe('pod/solo created\n')
    expect(nodeOf(sim.pods().find(named('solo'))!)).not.toBe('worker-1')
    expect(out(sim, 3)).toMatch(/^worker-1 +Ready,SchedulingDisabled +<none>/m)
  })
})

describe('drain', () => {
  it('cordons, evicts each pod through the Eviction API; the ReplicaSet recreates them on the other nodes', () => {
    const sim = runSession([
      k('create deployment web --image=nginx:1.27 --replicas=6'),
      k('rollout status deployment/web'),
      k('drain worker-1 --ignore-daemonsets'),
      k('rollout status deployment/web'),
    ], { clusterText: THREE_WORKERS })
    const before = sim.trace.filter((e) => e.change?.kind === 'Pod' && e.change.type === 'ADDED').length
    expect(before).toBeGreaterThan(6)
    const lines = out(sim, 2).trimEnd().split('\n')
    expect(lines[0]).toBe('node/worker-1 cordoned')
    expect(lines.at(-1)).toBe('node/worker-1 drained')
    const evicting = lines.filter((l) => l.startsWith('evicting pod default/web-'))
    expect(evicting.length).toBeGreaterThan(0)
    expect(lines.filter((l) => / evicted$/.test(l))).toHaveLength(evicting.length)
    const pods = live(sim.pods().filter(named('web-')))
    expect(pods).toHaveLength(6)
    expect(pods.filter((p) => nodeOf(p) === 'worker-1')).toEqual([])
    const evictions = sim.trace.filter((e) => e.type === 'http:Request' && e.details.request.path.endsWith('/eviction'))
    expect(evictions).toHaveLength(evicting.length)
  })

  it('refuses pods no controller owns without --force, with kubectl\'s text', () => {
    const oneWorker = THREE_WORKERS.split('---\n')[0]
    const sim = runSession([k('run solo --image=nginx:1.27'), k('drain worker-1')], { clusterText: oneWorker })
    expect(nodeOf(sim.pods().find(named('solo'))!)).toBe('worker-1')
    expect(sim.sessionResults[1].exitCode).toBe(1)
    expect(sim.sessionResults[1].stdout).toBe('node/worker-1 cordoned\n')
    expect(sim.sessionResults[1].stderr).toContain('cannot delete Pods that declare no controller (use --force to override): default/solo')
  })
})

describe('taint and label', () => {
  it('a NoSchedule taint keeps new pods off the node; removing it (key-) lets them back', () => {
    const sim = runSession([
      k('taint nodes worker-1 dedicated=gpu:NoSchedule'),
      k('taint nodes worker-2 dedicated=gpu:NoSchedule'),
      k('create deployment web --image=nginx:1.27 --replicas=3'),
      k('rollout status deployment/web'),
      k('taint nodes worker-1 dedicated-'),
    ], { clusterText: THREE_WORKERS })
    expect(out(sim, 0)).toBe('node/worker-1 tainted\n')
    expect(live(sim.pods().filter(named('web-'))).map(nodeOf)).toEqual(['worker-3', 'worker-3', 'worker-3'])
    expect(out(sim, 4)).toBe('node/worker-1 untainted\n')
    expect(sim.nodes().find((n) => n.metadata?.name === 'worker-1')?.spec?.taints ?? []).toEqual([])
  })

  it('a node label and a nodeSelector: new pods go where the label is', () => {
    const selectorPod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: picky}\nspec:\n  nodeSelector: {disk: ssd}\n'
      + '  containers:\n  - {name: app, image: nginx:1.27}\n'
    const sim = runSession([
      k('label nodes worker-2 disk=ssd'),
      k('apply -f picky.yaml', { files: { 'picky.yaml': selectorPod } }),
      k('label nodes worker-2 disk-'),
    ], { clusterText: THREE_WORKERS })
    expect(out(sim, 0)).toBe('node/worker-2 labeled\n')
    expect(nodeOf(sim.pods().find(named('picky'))!)).toBe('worker-2')
    expect(out(sim, 2)).toBe('node/worker-2 unlabeled\n')
  })
})

describe('auth can-i', () => {
  it('answers yes for the admin and no for alice (impersonated with --as), exit 0 and 1', () => {
    const sim = runSession([k('auth can-i create deployments'), k('auth can-i create deployments --as=alice'),
      k('auth can-i list pods --user=alice')])
    expect(sim.sessionResults.map((r) => [r.stdout, r.exitCode])).toEqual([['yes\n', 0], ['no\n', 1], ['no\n', 1]])
  })
})
