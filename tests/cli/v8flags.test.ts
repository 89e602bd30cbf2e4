/**
 * podbirth sets V8 flags on its own process before it loads the engine (src/cli/v8flags.mjs), and the benchmarks set
 * the same on theirs. A flag V8 does not know is ignored without a word, so each is checked against this Node's list;
 * and each must hold in a real run: with allocation-site pretenuring off, V8 makes no pretenuring decision
 * (`--trace-pretenuring-statistics` prints none); with the smaller inlining budget, nothing larger is inlined while
 * the simulation runs (`--trace-turbo-inlining`), and the output phase gets V8's default back.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { OUTPUT_V8_FLAGS, V8_FLAGS } from '../../src/cli/v8flags.mjs'
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
  it('are flags this Node knows, and the output phase restores the defaults', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout
    expect(V8_FLAGS.length).toBeGreaterThan(0)
    for (const flag of [...V8_FLAGS, ...OUTPUT_V8_FLAGS]) {
      expect(known).toContain(`  ${flag.replace(/^--no-/, '--').replace(/=.*/, '')} (`)
    }
    for (const flag of OUTPUT_V8_FLAGS) expect(known).toContain(`default: ${flag}\n`)
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

  it('hold in a run: nothing above the inlining budget is inlined while podbirth simulates', () => {
    const cluster = join(dir, 'cluster-inline.yaml')
    const pods = join(dir, 'pods-inline.yaml')
    writeFileSync(cluster, clusterYaml(10))
    writeFileSync(pods, podsYaml(200))
    // Builds the command's bundle if it is stale (the runs below load it without the command's entry).
    expect(spawnSync(process.execPath, ['src/cli/podbirth.mjs', 'version'], { cwd }).status).toBe(0)
    const budget = Number(V8_FLAGS.find((f) => f.startsWith('--max-inlined-bytecode-size='))?.split('=')[1])
    expect(budget).toBeLessThan(460)
    const tuned = inlinedWhileSimulating(['apply', '-f', pods, '--cluster', cluster], true)
    const untuned = inlinedWhileSimulating(['apply', '-f', pods, '--cluster', cluster], false)
    expect(tuned.length).toBeGreaterThan(20)
    expect(Math.max(...tuned)).toBeLessThanOrEqual(budget)
    expect(untuned.filter((n) => n > budget).length).toBeGreaterThan(10)
    // podbirth itself: the output is written with V8's default back, so larger functions are inlined again there
    // (none while it simulated, above); without tuneV8ForOutput the whole run inlines none.
    const r = spawnSync(process.execPath,
      ['--trace-turbo-inlining', 'src/cli/podbirth.mjs', 'apply', '-f', pods, '--cluster', cluster],
      { encoding: 'utf8', cwd, maxBuffer: 512 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    expect(inlinedSizes(r.stdout).filter((n) => n > budget).length).toBeGreaterThan(0)
  })
})

/**
 * inlinedWhileSimulating runs the command's bundle (with podbirth's flags or without) under `--trace-turbo-inlining`
 * and returns the bytecode size of each function V8 inlined before the simulation was done.
 */
function inlinedWhileSimulating(argv: string[], tune: boolean): number[] {
  const bundle = join(cwd, 'node_modules/.cache/podbirth/cli.cjs')
  const flags = join(cwd, 'src/cli/v8flags.mjs')
  const script = [
    `import { tuneV8 } from ${JSON.stringify(flags)}`,
    `import { createRequire } from 'node:module'`,
    tune ? 'tuneV8()' : '',
    `const { main } = createRequire(import.meta.url)(${JSON.stringify(bundle)})`,
    `main(${JSON.stringify(argv)}, { out() {}, err: (s) => process.stderr.write(s),`,
    `  simulated: () => process.stdout.write('--- simulated ---\\n') })`,
  ].join('\n')
  const r = spawnSync(process.execPath, ['--trace-turbo-inlining', '--input-type=module', '-e', script],
    { encoding: 'utf8', cwd, maxBuffer: 512 * 1024 * 1024 })
  expect(r.status, r.stderr).toBe(0)
  return inlinedSizes(r.stdout.split('--- simulated ---')[0])
}

/** inlinedSizes reads `--trace-turbo-inlining` output: the bytecode size of each function V8 inlined. */
function inlinedSizes(trace: string): number[] {
  // "- target: 0x… {0x… <SharedFunctionInfo f>}, bytecode size: N" for each candidate, then "Inlining 0x… {0x… …"
  const sizes = new Map<string, number>()
  for (const m of trace.matchAll(/target: 0x[0-9a-f]+ \{(0x[0-9a-f]+) <[^>]*>\}, bytecode size: (\d+)/g)) {
    sizes.set(m[1], Number(m[2]))
  }
  const inlined: number[] = []
  for (const m of trace.matchAll(/^Inlining 0x[0-9a-f]+ \{(0x[0-9a-f]+) /gm)) {
    const size = sizes.get(m[1])
    if (size !== undefined) inlined.push(size)
  }
  return inlined
}
