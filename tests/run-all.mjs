#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, unit + scenario + CLI tests (Vitest), the production build,
// and the end-to-end tests in Debian's Chromium. Ends with a plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const results = [] // { name, passed, failed }
const skipE2E = process.argv.includes('--no-e2e')

function run(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
  if (opts.capture && r.stdout) process.stdout.write(r.stdout)
  return r
}

function check(name, cmd, args) {
  const r = run(name, cmd, args)
  const ok = r.status === 0
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  console.log(`--- ${name}: ${ok ? 'ok' : 'FAILED'}`)
  return ok
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
check('typecheck engine (no DOM)', 'npx', ['tsc', '--noEmit', '-p', 'src/engine/tsconfig.json'])
check('lint', 'npx', ['eslint', '.'])

// Vitest: unit tests beside the code, scenario and CLI tests under tests/.
const outDir = join(root, 'test-results')
mkdirSync(outDir, { recursive: true })
const vitestJson = join(outDir, 'vitest.json')
rmSync(vitestJson, { force: true })
const v = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
  const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0)
  results.push({ name: 'vitest', passed: report.numPassedTests, failed })
  if (report.numPendingTests || report.numTodoTests) console.log(`(vitest: ${report.numPendingTests} skipped, ${report.numTodoTests} todo — not counted as passed)`)
} else {
  results.push({ name: 'vitest', passed: 0, failed: 1 })
}
if (v.status !== 0 && !results.some((r) => r.name === 'vitest' && r.failed > 0)) results.push({ name: 'vitest exit code', passed: 0, failed: 1 })

const built = check('build', 'npx', ['vite', 'build'])

if (!skipE2E) {
  if (!built) {
    results.push({ name: 'e2e (not run: build failed)', passed: 0, failed: 1 })
  } else if (!existsSync('/usr/bin/chromium')) {
    console.log('\n!!! /usr/bin/chromium is missing: install Debian\'s chromium (apt-get install -y chromium) to run the end-to-end tests.')
    results.push({ name: 'e2e (chromium missing)', passed: 0, failed: 1 })
  } else if (existsSync(join(root, 'tests/e2e/run.mjs'))) {
    const e = run('e2e', 'node', ['tests/e2e/run.mjs'], { capture: true })
    const m = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed/m.exec(e.stdout ?? '')
    if (m) results.push({ name: 'e2e', passed: Number(m[1]), failed: Number(m[2]) + (e.status !== 0 && Number(m[2]) === 0 ? 1 : 0) })
    else results.push({ name: 'e2e', passed: 0, failed: 1 })
  }
}

console.log('\n=== summary')
for (const r of results) console.log(`${r.failed ? 'FAIL' : 'ok  '}  ${r.name}: ${r.passed} passed, ${r.failed} failed`)
const passed = results.reduce((a, r) => a + r.passed, 0)
const failed = results.reduce((a, r) => a + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
