import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

// Each test starts the CLI as separate processes: on a loaded CI machine that can take longer than Vitest's 5 s default.
describe('podbirth explain, run as a user would', { timeout: 60_000 }, () => {
  it('text: the filter table, the scores and why', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/control-plane\s+✓\s+✓\s+✗\s+·\s+TaintToleration: node\(s\) had untolerated taint\(s\)/)
    expect(r.out).toMatch(/worker-1\s+✓\s+✓\s+✓\s+✓\s+feasible/)
    expect(r.out).toMatch(/TaintToleration ×3\s+NodeResourcesFit ×1\s+NodeResourcesBalancedAllocation ×1\s+ImageLocality ×1\s+TOTAL/)
    expect(r.out).toMatch(/Selected node: worker-[12]/)
    expect(r.out).toContain('Why: TaintToleration rejected 1 node ("node(s) had untolerated taint(s)").')
  })

  it('json: one object keyed as kube-scheduler-simulator results', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json', '--seed', '3')
    const doc = JSON.parse(r.out)
    expect(Object.keys(doc).slice(0, 9)).toEqual(['pod', 'selectedNode', 'message', 'numFeasibleNodesToFind', 'filter', 'score', 'normalizedScore', 'finalScore', 'totalScore'])
    expect(doc.pod).toBe('default/nginx')
    expect(doc.message).toBeNull()
    expect(doc.numFeasibleNodesToFind).toBe(3)
    // The control plane stops at TaintToleration: NodeResourcesFit is absent (not evaluated) there.
    expect(doc.filter['control-plane']).toEqual({ NodeUnschedulable: 'passed', NodeName: 'passed', TaintToleration: 'node(s) had untolerated taint(s)' })
    expect(doc.filter['worker-1'].NodeResourcesFit).toBe('passed')
    // Skipped plugins are absent from the scores; weighted = normalized × weight.
    expect(Object.keys(doc.score['worker-1']).sort()).toEqual(['ImageLocality', 'NodeResourcesBalancedAllocation', 'NodeResourcesFit', 'TaintToleration'])
    expect(doc.finalScore['worker-1'].TaintToleration).toBe(doc.normalizedScore['worker-1'].TaintToleration * 3)
    expect(doc.totalScore[doc.selectedNode]).toBe(Math.max(...Object.values(doc.totalScore as Record<string, number>)))
  })

  it('an unschedulable pod: exit 1 and the FailedScheduling message', () => {
    const r = run('explain', '-f', 'tests/fixtures/too-big.yaml', '-o', 'json')
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.out)
    expect(doc.selectedNode).toBeNull()
    // v1.35: the DynamicResources PostFilter's "no new claims to deallocate, " precedes "preemption:" (issue #13).
    expect(doc.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ' +
      'no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.')
    expect(doc.filter['worker-1'].NodeResourcesFit).toBe('Insufficient cpu')
  })

  it('--config changes the scoring strategy and so the chosen node', () => {
    const least = JSON.parse(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml', '-o', 'json').out)
    const most = JSON.parse(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/two-nodes.yaml', '--config', 'tests/fixtures/most-allocated.yaml', '-o', 'json').out)
    expect(least.selectedNode).toBe('worker-a')
    expect(most.selectedNode).toBe('worker-b')
    expect(most.score['worker-b'].NodeResourcesFit).toBeGreaterThan(most.score['worker-a'].NodeResourcesFit)
  })

  it('an invalid configuration gets kube-scheduler\'s message', () => {
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--config', 'tests/fixtures/bad-scheduler-config.yaml')
    expect(r.code).toBe(1)
    expect(r.err).toBe('kube-scheduler: initializing profiles: creating profile for scheduler name default-scheduler: plugin "PrioritySort" does not extend FilterPlugin plugin\n')
  })

  it('a configuration that is not YAML: the file, the line and the column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbirth-'))
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n  - schedulerName: x: y\n')
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--config', join(dir, 'bad.yaml'))
    expect(r.code).toBe(2)
    expect(r.err).toBe(`podbirth: ${join(dir, 'bad.yaml')}: YAML error at line 4, column 20: Nested mappings are not allowed in compact mappings\n`)
  })

  it('bad usage and refused pods', () => {
    expect(run('explain').code).toBe(2)
    const bad = run('explain', '-f', 'tests/fixtures/invalid-name.yaml')
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('The Pod "My_Pod" is invalid')
  })

  it('system default spreading applies only when a Service (or controller) selects the pod', () => {
    const doc = JSON.parse(run('explain', '-f', 'tests/fixtures/web-pod.yaml', '--cluster', 'tests/fixtures/web-service.yaml', '-o', 'json').out)
    // Defaults: hostname maxSkew 3, zone maxSkew 5; 3 nodes, 3 zones ⇒ both weights log(3+2) = 1.609.
    // node-c (no web pod): 0·1.609+2 + 0·1.609+4 = 6; node-a/b (one each): 3.609 + 5.609 = 9.22 → 9.
    // Normalized: 100·(9+6−s)/9 ⇒ node-c 100, node-a/b 66.
    expect(doc.score['node-c'].PodTopologySpread).toBe(6)
    expect(doc.score['node-a'].PodTopologySpread).toBe(9)
    expect(doc.normalizedScore['node-a'].PodTopologySpread).toBe(66)
    expect(doc.selectedNode).toBe('node-c')
    // Without the Service the same pod has no default constraints: PreScore Skip, absent from the scores.
    const bare = JSON.parse(run('explain', '-f', 'tests/fixtures/web-pod.yaml', '-o', 'json').out)
    expect(bare.preScore).toContainEqual({ plugin: 'PodTopologySpread', status: 'Skip' })
    expect(bare.score[bare.selectedNode].PodTopologySpread).toBeUndefined()
  })

  it('a wrong type in --config stops kube-scheduler with the decoder\'s text, the file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbirth-config-'))
    const file = join(dir, 'cfg.yaml')
    writeFileSync(file, 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n'
      + 'profiles:\n- schedulerName: default-scheduler\n  percentageOfNodesToScore: "x"\n')
    const r = run('explain', '-f', 'tests/fixtures/nginx.yaml', '--config', file)
    expect(r.code).toBe(1)
    expect(r.err).toBe(`kube-scheduler: ${file}: at line 5, column 29: json: cannot unmarshal string into Go struct `
      + 'field KubeSchedulerProfile.profiles.percentageOfNodesToScore of type int32\n')
  })

  it('is deterministic for a seed', () => {
    expect(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--seed', '9').out).toBe(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--seed', '9').out)
  })
})
