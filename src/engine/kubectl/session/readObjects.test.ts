/**
 * readObjects against the session's own reads: the same command, answered from the stored objects, prints what
 * kubectl printed when the session ran it through the apiserver (same printers, same selection rules).
 */
import { describe, expect, it } from 'vitest'
import { loadCluster } from '../../cluster/index.ts'
import { createSimulation } from '../../index.ts'
import type { KObject } from '../../api/types.ts'
import { parseKubectl } from '../cmd/parse.ts'
import { isReadCommand, readObjects } from './readObjects.ts'

const READS = [
  'get pods',
  'get pods -o wide',
  'get deployments,replicasets,pods',
  'get deploy web -o yaml',
  'get pods -l app=web -o name',
  'get pods -l app!=web',
  'get pod nope',
  'get nodes',
  'get rs -A',
  'describe deployment web',
  'describe rs',
  'describe node worker-1',
  'describe pod missing',
  'rollout history deployment/web',
  'get pods -n kube-system',
]

function session() {
  const cluster = loadCluster(undefined, 'cluster.yaml')
  if ('error' in cluster) throw new Error(cluster.error)
  const sim = createSimulation({ cluster, seed: 3 })
  sim.session([
    { argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'] },
    // Long after the rollout: nothing changes while the reads run.
    ...READS.map((line, i) => ({ argv: line.split(' '), atMs: 60_000 + i * 1000 })),
  ])
  sim.run()
  return sim
}

describe('readObjects', () => {
  const sim = session()
  const objects = sim.list<KObject>('/registry/')
  READS.forEach((line, i) => {
    it(`prints what the session's \`kubectl ${line}\` printed`, () => {
      const ran = sim.sessionResults[i + 1]
      expect(ran.argv.join(' ')).toBe(line)
      const parsed = parseKubectl(line.split(' '))
      if (!('command' in parsed) || !isReadCommand(parsed.command)) throw new Error(`not a read: ${line}`)
      const got = readObjects(parsed.command, objects, {
        nowMs: sim.ctx.sim.wallMs(ran.endMs * 1000),
        namespace: 'default',
      })
      expect(got).toEqual({ stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode })
    })
  })

  it('answers from the objects it is given: before the deployment, no pods', () => {
    const parsed = parseKubectl(['get', 'pods'])
    if (!('command' in parsed) || !isReadCommand(parsed.command)) throw new Error('not a read')
    const nodesOnly = objects.filter((o) => o.kind === 'Node')
    expect(readObjects(parsed.command, nodesOnly, { nowMs: 0, namespace: 'default' })).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  it('does not take mutating verbs', () => {
    const parsed = parseKubectl(['scale', 'deployment', 'web', '--replicas=2'])
    if (!('command' in parsed)) throw new Error('parse failed')
    expect(isReadCommand(parsed.command)).toBe(false)
  })
})
