import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

// Each test starts the CLI as separate processes: on a loaded CI machine that can take longer than Vitest's 5 s default.
describe('podbirth CLI, run as a user would', { timeout: 60_000 }, () => {
  it('apply prints kubectl output, the trace, get pods -o wide and the Events', () => {
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml')
    expect(r.code).toBe(0)
    expect(r.out).toContain('pod/nginx created')
    expect(r.out).toMatch(/kube-apiserver\s+authenticated as "kubernetes-admin" \(x509\)/)
    expect(r.out).toMatch(/nginx\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.\d\.2\s+worker-\d/)
    expect(r.out).toContain('Normal  Started    ')
  })

  it('-o json prints exactly one object with the documented keys', () => {
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json')
    const doc = JSON.parse(r.out)
    expect(Object.keys(doc)).toEqual(['kubectl', 'events', 'trace', 'objects'])
    expect(doc.kubectl).toEqual({ stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 })
    expect(doc.events.map((e: { reason: string }) => e.reason)).toEqual(['Scheduled', 'Pulled', 'Created', 'Started'])
    expect(doc.objects.pods[0].status.phase).toBe('Running')
    expect(doc.objects.nodes).toHaveLength(3)
  })

  it('the same seed gives identical output', () => {
    expect(run('apply', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json', '--seed', '5').out).toBe(run('apply', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json', '--seed', '5').out)
  })

  it('exit 1 with kubectl\'s message when kubectl would fail', () => {
    const r = run('apply', '-f', 'tests/fixtures/invalid-name.yaml')
    expect(r.code).toBe(1)
    expect(r.out).toContain('The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod"')
    const bob = run('apply', '-f', 'tests/fixtures/nginx.yaml', '--user', 'bob')
    expect(bob.code).toBe(1)
    expect(bob.out).toContain('error: auth info "bob" does not exist')
  })

  it('invalid label and nodeSelector values: the apiserver refuses with upstream\'s message, exit 1', () => {
    const msg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    const r = run('apply', '-f', 'tests/fixtures/invalid-label.yaml')
    expect(r.code).toBe(1)
    expect(r.out).toContain(`\nThe Pod "l" is invalid: metadata.labels: Invalid value: "a b": ${msg}\n`)
    expect(r.out).not.toContain('pod/l created')
    const ns = run('apply', '-f', 'tests/fixtures/invalid-node-selector.yaml')
    expect(ns.code).toBe(1)
    expect(ns.out).toContain(`The Pod "l" is invalid: \n* metadata.labels: Invalid value: "<b>bold</b>": ${msg}\n* spec.nodeSelector: Invalid value: "a b": ${msg}\n`)
  })

  it('malformed YAML: the line, no stack trace', () => {
    const r = run('apply', '-f', 'tests/fixtures/broken.yaml')
    expect(r.code).toBe(1)
    expect(r.out).toContain('error: error parsing tests/fixtures/broken.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context')
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+/)
  })

  it('exit 2 for bad usage and unreadable files, saying which and why', () => {
    expect(run().code).toBe(0)
    const noFile = run('apply')
    expect(noFile.code).toBe(2)
    expect(noFile.err).toContain('apply needs at least one -f FILE')
    const missing = run('apply', '-f', 'does-not-exist.yaml')
    expect(missing.code).toBe(2)
    expect(missing.err).toBe('podbirth: cannot read manifest "does-not-exist.yaml": no such file\n')
    expect(run('apply', '-f', 'tests/fixtures/nginx.yaml', '--until', 'soon').code).toBe(2)
    expect(run('frobnicate').code).toBe(2)
    const badCluster = run('apply', '-f', 'tests/fixtures/nginx.yaml', '--cluster', 'tests/fixtures/broken.yaml')
    expect(badCluster.code).toBe(2)
    expect(badCluster.err).toContain('invalid cluster file')
  })
})
