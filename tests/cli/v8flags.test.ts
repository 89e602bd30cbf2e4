/**
 * podbirth sets V8 flags on its own process before it loads the engine (src/cli/v8flags.mjs), and the benchmarks set
 * the same on theirs. A flag V8 does not know is ignored without a word, so each is checked against this Node's list;
 * and the one there is must hold in a real run: with allocation-site pretenuring off, V8 makes no pretenuring
 * decision, and `--trace-pretenuring-statistics` prints none.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { V8_FLAGS } from '../../src/cli/v8flags.mjs'
import { clusterYaml, podsYaml } from '../bench/engine.ts'

const cwd = new URL('../..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'podbirth-v8flags-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** decisions: the pretenuring lines V8 prints while `argv` runs (300 pods onto 10 nodes keep plenty alive). */
function decisions(argv: string[]): number {
  const r = spawnSync(process.execPath, ['--trace-pretenuring-statistics', ...argv],
    { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout.split('\n').filter((l) => l.includes('pretenuring:')).length
}

describe('the V8 flags podbirth sets on itself', { timeout: 60_000 }, () => {
  it('are flags this Node knows', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout
    expect(V8_FLAGS.length).toBeGreaterThan(0)
    for (const flag of V8_FLAGS) expect(known).toContain(`  ${flag.replace(/^--no-/, '--')} (`)
  })

  it('hold in a run: no pretenuring decision in podbirth, many in the same engine without them', () => {
    const cluster = join(dir, 'cluster.yaml')
    const pods = join(dir, 'pods.yaml')
    writeFileSync(cluster, clusterYaml(10))
    writeFileSync(pods, podsYaml(300))
    const apply = ['apply', '-f', pods, '--cluster', cluster]
    expect(decisions(['src/cli/podbirth.mjs', ...apply])).toBe(0)
    // The command's own bundle (src/cli/bundle.mjs, built by the run above), its main called without tuneV8.
    const bundle = join(cwd, 'node_modules/.cache/podbirth/cli.cjs')
    const untuned = `process.exitCode = require(${JSON.stringify(bundle)}).main(${JSON.stringify(apply)})`
    expect(decisions(['-e', untuned])).toBeGreaterThan(10)
  })
})
