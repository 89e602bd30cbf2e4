import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCluster } from '../../src/engine/cluster/index.ts'
import { createSimulation } from '../../src/engine/index.ts'
import { MAX_STEPS, runCapped, stepCapMessage } from '../../src/cli/limits.ts'

const cwd = new URL('../..', import.meta.url).pathname
// A test that hung would be killed by the timeout and fail on its null status, never pass.
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args],
    { encoding: 'utf8', cwd, timeout: 30_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const dir = mkdtempSync(join(tmpdir(), 'podbirth-limits-'))
const NGINX = 'tests/fixtures/nginx.yaml'

describe('podbirth CLI limits', { timeout: 60_000 }, () => {
  it('refuses a FIFO without opening it (opening one for reading would block)', (ctx) => {
    const fifo = join(dir, 'pipe.yaml')
    if (spawnSync('mkfifo', [fifo]).status !== 0) { ctx.skip(); return }
    for (const args of [['apply', '-f', fifo], ['apply', '-f', NGINX, '--cluster', fifo],
      ['explain', '-f', NGINX, '--config', fifo]]) {
      const r = run(...args)
      expect(r.code).toBe(2)
      const want = `^podbirth: cannot read [a-z ]+ "${fifo}": it is not a regular file \\(a FIFO\\)\\n$`
      expect(r.err).toMatch(new RegExp(want))
    }
  })

  it('refuses a device as manifest, cluster file or configuration', () => {
    const manifest = run('apply', '-f', '/dev/zero')
    expect(manifest.code).toBe(2)
    const device = 'it is not a regular file (a character device)\n'
    expect(manifest.err).toBe(`podbirth: cannot read manifest "/dev/zero": ${device}`)
    const cluster = run('apply', '-f', NGINX, '--cluster', '/dev/urandom')
    expect(cluster.code).toBe(2)
    expect(cluster.err).toBe(`podbirth: cannot read cluster file "/dev/urandom": ${device}`)
    const config = run('explain', '-f', NGINX, '--config', '/dev/zero')
    expect(config.code).toBe(2)
    expect(config.err).toContain('"/dev/zero": it is not a regular file (a character device)')
  })

  it('refuses a directory', () => {
    const d = join(dir, 'manifests')
    mkdirSync(d)
    const r = run('apply', '-f', d)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`podbirth: cannot read manifest "${d}": it is not a regular file (a directory)\n`)
    expect(run('explain', '-f', d).code).toBe(2)
  })

  it('refuses a manifest over the API server\'s 3 MiB request limit, by its size', () => {
    const big = join(dir, 'big.yaml')
    writeFileSync(big, `${readFileSync(join(cwd, NGINX), 'utf8')}# ${'x'.repeat(4 * 1024 * 1024)}\n`)
    const r = run('apply', '-f', big)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(new RegExp(`^podbirth: cannot read manifest "${big}": it is \\d+ bytes, over the limit of ` +
      '3145728 bytes \\(3 MiB\\), the API server\'s request limit ' +
      '\\("Request entity too large: limit is 3145728"\\)\\n$'))
    expect(r.out).toBe('')
  })

  it('refuses stdin over the limit once it has read limit+1 bytes', () => {
    const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', 'apply', '-f', '-'],
      { encoding: 'utf8', cwd, timeout: 30_000, input: 'a'.repeat(3 * 1024 * 1024 + 10) })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('podbirth: cannot read manifest "-": it is over the limit of 3145728 bytes (3 MiB)')
  })

  it('refuses a cluster file over 16 MiB and a scheduler configuration over 3 MiB', () => {
    const big = join(dir, 'big-cluster.yaml')
    writeFileSync(big, `# ${'x'.repeat(16 * 1024 * 1024)}\n`)
    const r = run('apply', '-f', NGINX, '--cluster', big)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(
      /^podbirth: cannot read cluster file ".*": it is \d+ bytes, over the limit of 16777216 bytes \(16 MiB\)\n$/)
    const config = join(dir, 'big-config.yaml')
    writeFileSync(config, `# ${'x'.repeat(3 * 1024 * 1024)}\n`)
    const c = run('explain', '-f', NGINX, '--config', config)
    expect(c.code).toBe(2)
    expect(c.err).toContain('cannot read scheduler configuration')
    expect(c.err).toContain('over the limit of 3145728 bytes (3 MiB)\n')
    // Only a manifest is an API request: the cluster file's message does not quote the API server.
    expect(r.err + c.err).not.toContain('Request entity')
  })

  it('caps --until at 24h of virtual time', () => {
    for (const until of ['100000h', '24h1s', '99999999999999999999999h']) {
      const r = run('apply', '-f', NGINX, '--until', until)
      expect(r.code).toBe(2)
      expect(r.err).toContain(`podbirth: --until is capped at 24h of virtual time (got "${until}")`)
    }
    expect(run('apply', '-f', NGINX, '--until', '24h').code).toBe(0)
  })

  it('ends a run at the step cap with a message naming it; under the cap, the trace is run()\'s', () => {
    const cluster = loadCluster(undefined, 'default')
    if ('error' in cluster) throw new Error(cluster.error)
    const text = readFileSync(join(cwd, NGINX), 'utf8')
    const capped = createSimulation({ cluster, seed: 1 })
    capped.apply({ files: [{ name: 'nginx.yaml', text }] })
    expect(runCapped(capped, capped.nowMs() + 600_000, 50)).toBe(false)
    expect(stepCapMessage(50)).toContain('stopped after 50 steps, the cap on simulated steps per run')
    expect(stepCapMessage()).toContain(`after ${MAX_STEPS} steps`)

    const a = createSimulation({ cluster, seed: 1 })
    a.apply({ files: [{ name: 'nginx.yaml', text }] })
    expect(runCapped(a, a.nowMs() + 600_000)).toBe(true)
    const b = createSimulation({ cluster, seed: 1 })
    b.apply({ files: [{ name: 'nginx.yaml', text }] })
    b.run(b.nowMs() + 600_000)
    expect(a.nowMs()).toBe(b.nowMs())
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace))
  })
})
