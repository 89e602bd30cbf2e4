/**
 * `podbirth apply --cluster` with what a real cluster printed: the 54-node fixture of
 * tests/fixtures/real-cluster (kubectl get nodes,pods -A -o yaml, and kubectl get nodes -o yaml), run as a user would.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], {
    encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname, maxBuffer: 256 * 1024 * 1024,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const FIXTURE = 'tests/fixtures/real-cluster'

describe('podbirth apply --cluster <a real cluster\'s kubectl get -o yaml>', { timeout: 120_000 }, () => {
  it('schedules a new pod among the 54 imported nodes, next to the pods already running', () => {
    const r = run('apply', '--cluster', `${FIXTURE}/get-nodes-pods.yaml`, '-f', 'tests/fixtures/nginx.yaml',
      '-o', 'json')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as {
      events: { reason: string; message: string }[]
      objects: {
        nodes: unknown[]
        pods: { metadata: { name: string }; spec: { nodeName?: string }; status: { phase: string } }[]
      }
    }
    expect(doc.objects.nodes).toHaveLength(54)
    const nginx = doc.objects.pods.find((p) => p.metadata.name === 'nginx')
    expect(nginx?.status.phase).toBe('Running')
    // The control-plane nodes are tainted (node-role.kubernetes.io/control-plane:NoSchedule): a worker it is.
    expect(nginx?.spec.nodeName).toMatch(/^worker-[abc]-\d\d$/)
    expect(doc.events.find((e) => e.reason === 'Scheduled')?.message)
      .toBe(`Successfully assigned default/nginx to ${nginx?.spec.nodeName}`)
  })

  it('the same cluster as `kubectl get nodes -o yaml` alone: get pods -o wide shows the new pod Running', () => {
    const r = run('apply', '--cluster', `${FIXTURE}/get-nodes.yaml`, '-f', 'tests/fixtures/nginx.yaml')
    expect(r.code).toBe(0)
    expect(r.out).toContain('pod/nginx created')
    expect(r.out).toMatch(/nginx\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.\d+\.2\s+worker-[abc]-\d\d/)
  })
})
