import { spawnSync } from 'node:child_process'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: new URL('../..', import.meta.url).pathname })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('podbirth run SCRIPT: a workshop script', { timeout: 60_000 }, () => {
  it('runs kubectl lines, a heredoc and sleep, with files relative to the script, printing each command\'s output', () => {
    const r = run('run', 'tests/fixtures/workshop/demo.sh')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const commands = r.out.split('\n').filter((l) => l.startsWith('$ kubectl '))
    expect(commands.map((l) => l.replace(/ +# at .*/, ''))).toEqual([
      '$ kubectl apply -f web.yaml', '$ kubectl rollout status deployment/web', '$ kubectl get pods',
      '$ kubectl apply -f -', '$ kubectl scale deployment web --replicas=5',
      '$ kubectl set image deployment/web nginx=nginx:1.28', '$ kubectl rollout status deployment/web',
      '$ kubectl get deployments,replicasets',
    ])
    expect(r.out).toContain('deployment.apps/web created\n')
    expect(r.out).toContain('pod/solo created\n')
    expect(r.out).toContain('deployment "web" successfully rolled out\n')
    expect(r.out).toMatch(/^deployment\.apps\/web {3}5\/5 {5}5 {12}5 /m)
    // The trace between commands, under the story's chapter headings.
    expect(r.out).toMatch(/kube-controller-manager.*deployment web: creates ReplicaSet web-/)
    // sleep 5: the scale starts five seconds after the heredoc's apply ended.
    const at = (cmd: string) => Number(/# at ([\d.]+)s/.exec(r.out.split('\n').find((l) => l.startsWith(cmd)) ?? '')?.[1])
    expect(at('$ kubectl scale') - at('$ kubectl apply -f -')).toBeGreaterThanOrEqual(5)
  })

  it('-o json is apply\'s shape plus one entry per command', () => {
    const doc = JSON.parse(run('run', 'tests/fixtures/workshop/demo.sh', '-o', 'json').out)
    expect(Object.keys(doc)).toEqual(['kubectl', 'events', 'trace', 'objects', 'commands'])
    expect(doc.commands).toHaveLength(8)
    expect(doc.commands[0]).toMatchObject({ argv: ['apply', '-f', 'web.yaml'], stdout: 'deployment.apps/web created\n', exitCode: 0 })
    expect(doc.objects.deployments[0].status.availableReplicas).toBe(5)
  })

  it('refuses a line it does not understand with its line number, before anything runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbirth-run-'))
    const script = join(dir, 'bad.sh')
    writeFileSync(script, 'kubectl get pods\nkubectl get pods | grep web\n')
    const r = run('run', script)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(new RegExp(`^podbirth: ${script.replace(/[.]/g, '\\.')}:2: `))
  })

  it('a kubectl error is the command\'s output, and the script exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbirth-run-'))
    const script = join(dir, 'typo.sh')
    writeFileSync(script, 'kubectl frobnicate\nkubectl get nodes\n')
    const r = run('run', script)
    expect(r.code).toBe(1)
    expect(r.out).toContain('error: unknown command "frobnicate" for "kubectl"\n')
    expect(r.out).toMatch(/^control-plane +Ready +control-plane/m)
  })
})
