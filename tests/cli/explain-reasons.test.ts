import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** Six nodes in three zones, zone-c cordoned; two app=web pods in zone-a and two in zone-b (issue #15). */
function zoneFiles(): { cluster: string; pod: string } {
  const dir = mkdtempSync(join(tmpdir(), 'podbirth-reasons-'))
  const nodes = ['a', 'b', 'c'].flatMap((z) => [1, 2].map((i) => [
    'apiVersion: v1', 'kind: Node', `metadata: {name: ${z}-${i}, labels: {kubernetes.io/hostname: ${z}-${i}, topology.kubernetes.io/zone: zone-${z}}}`,
    `spec: {unschedulable: ${z === 'c'}}`, 'status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}'].join('\n')))
  const pods = [['web-1', 'a-1'], ['web-2', 'a-2'], ['web-3', 'b-1'], ['web-4', 'b-2']].map(([n, on]) => [
    'apiVersion: v1', 'kind: Pod', `metadata: {name: ${n}, namespace: default, labels: {app: web}}`,
    `spec: {nodeName: ${on}, containers: [{name: app, image: nginx:1.27}]}`, 'status: {phase: Running}'].join('\n'))
  writeFileSync(join(dir, 'zones.yaml'), [...nodes, ...pods].join('\n---\n') + '\n')
  writeFileSync(join(dir, 'web.yaml'), [
    'apiVersion: v1', 'kind: Pod', 'metadata: {name: web-5, labels: {app: web}}', 'spec:', '  topologySpreadConstraints:',
    '  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}',
    '  containers: [{name: app, image: nginx:1.27}]'].join('\n') + '\n')
  return { cluster: join(dir, 'zones.yaml'), pod: join(dir, 'web.yaml') }
}

describe('podbirth explain: reasons per node and --compare', { timeout: 60_000 }, () => {
  it('the Reasons section names the exact cause on each rejected node; the existing lines stay', () => {
    const r = run('explain', '-f', 'tests/fixtures/too-big.yaml')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/control-plane\s+✓\s+✓\s+✗\s+·\s+TaintToleration: node\(s\) had untolerated taint\(s\)/)
    expect(r.out).toContain('\nReasons  (each rejected node: the constraints that failed)\n' +
      '  control-plane (TaintToleration)\n    taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated\n' +
      '  worker-1 (NodeResourcesFit)\n')
    expect(r.out).toMatch(/ {4}cpu: requested 64000m, allocated \d+m of 4000m, free \d+m: more than the node's whole allocatable\n/)
    // Reasons sit between the Filter table and PostFilter.
    expect(r.out.indexOf('Reasons')).toBeGreaterThan(r.out.indexOf('Filter   ('))
    expect(r.out.indexOf('Reasons')).toBeLessThan(r.out.indexOf('PostFilter'))
  })

  it('a scheduled pod with no rejected node prints no Reasons section', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml')
    expect(r.code).toBe(0)
    expect(r.out).not.toContain('Reasons  (')
  })

  it('topology spreading: the per-zone counts, the cordoned zone that still counts, and the skew', () => {
    const f = zoneFiles()
    const r = run('explain', '-f', f.pod, '--cluster', f.cluster)
    expect(r.code).toBe(1)
    expect(r.out).toContain('  a-1 (PodTopologySpread)\n    topology spread on topology.kubernetes.io/zone (maxSkew 1, DoNotSchedule, ' +
      'selector app=web): matching pods zone-a 2, zone-b 2, zone-c 0 (cordoned c-1, c-2 still count); global minimum 0; ' +
      'placing the pod here in zone-a makes the skew 3 > maxSkew 1\n')
    expect(r.out).toContain('  c-1 (NodeUnschedulable)\n    the node is cordoned (spec.unschedulable) and the pod does not tolerate ' +
      'node.kubernetes.io/unschedulable:NoSchedule\n')
  })

  it('--compare prints both runs and the differences', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml', '--compare', 'tests/fixtures/most-allocated.yaml')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^=== A: the default configuration ===\nPod default\/nginx: scheduling cycle/)
    expect(r.out).toContain('\n=== B: tests/fixtures/most-allocated.yaml ===\nPod default/nginx: scheduling cycle')
    expect(r.out).toContain('Selected node: worker-a')
    expect(r.out).toContain('Selected node: worker-b')
    expect(r.out).toContain('\n=== Differences ===\nA: profile default-scheduler, scoring strategy LeastAllocated\n' +
      'B: profile default-scheduler, scoring strategy MostAllocated\ndefault/nginx: worker-a in A, worker-b in B\n')
    expect(r.out).toMatch(/default\/nginx on worker-a: total \d+ → \d+ \(-\d+\): NodeResourcesFit \d+ → \d+\n/)
  })

  it('--compare -o json: {"a", "b", "differences"}, a and b in explain\'s JSON shape', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml',
      '--compare', 'tests/fixtures/most-allocated.yaml', '-o', 'json')
    const doc = JSON.parse(r.out)
    expect(Object.keys(doc)).toEqual(['a', 'b', 'differences'])
    const single = JSON.parse(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml', '-o', 'json').out)
    expect(doc.a).toEqual(single)
    expect(doc.b.selectedNode).toBe('worker-b')
    expect(doc.differences.a).toEqual({ profile: 'default-scheduler', scoringStrategy: 'LeastAllocated' })
    expect(doc.differences.b).toEqual({ profile: 'default-scheduler', scoringStrategy: 'MostAllocated' })
    expect(doc.differences.moved).toEqual([{ pod: 'default/nginx', a: 'worker-a', b: 'worker-b' }])
    expect(doc.differences.scores.map((s: { plugin: string }) => s.plugin)).toEqual(['NodeResourcesFit', 'NodeResourcesFit'])
  })

  it('--compare with a bad configuration is refused with kube-scheduler\'s message; a missing file name is a usage error', () => {
    const bad = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--compare', 'tests/fixtures/bad-scheduler-config.yaml')
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('kube-scheduler: initializing profiles:')
    const usage = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--compare')
    expect(usage.code).toBe(2)
    expect(usage.err).toContain('podbirth: --compare needs a file name')
  })
})
