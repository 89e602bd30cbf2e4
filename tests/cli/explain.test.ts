import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('podbirth explain, run as a user would', () => {
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
    expect(doc.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.')
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

  it('bad usage and refused pods', () => {
    expect(run('explain').code).toBe(2)
    const bad = run('explain', '-f', 'tests/fixtures/invalid-name.yaml')
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('The Pod "My_Pod" is invalid')
  })

  it('is deterministic for a seed', () => {
    expect(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--seed', '9').out).toBe(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--seed', '9').out)
  })
})
