#!/usr/bin/env node
// End-to-end tests: the production build (dist/) served by `vite preview` on 127.0.0.1, driven in Debian's
// Chromium with playwright-core. Any request to anything but the local server fails the run.
// Prints `N passed, N failed` and exits non-zero on failure. Screenshots go to test-results/ (git-ignored).
import { startPreview } from './preview.mjs'
import { storyTests } from './story.mjs'
import { scenarioTests } from './scenarios.mjs'
import { tourTests } from './tour.mjs'
import { quizTests } from './quiz.mjs'
import { hardeningTests } from './hardening.mjs'
import { editorHardeningTests } from './editor-hardening.mjs'
import { hostileInputTests } from './hostile-input.mjs'
import { cspTests } from './csp.mjs'
import { consoleTests } from './console.mjs'
import { focusTests } from './focus.mjs'
import { mapTests } from './map.mjs'
import { viewTests } from './view.mjs'
import { importTests } from './import.mjs'
import { whatifTests } from './whatif.mjs'
import { compareTests } from './compare.mjs'
import { basicsTests } from './basics.mjs'
import { clusterTests } from './cluster.mjs'
import { bannersTests } from './banners.mjs'
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const PORT = Number(process.env.E2E_PORT ?? 4179)
// E2E_OUT_DIR serves another build (helpers build into dist-NAME so they never share dist/); E2E_ONLY=story,console
// runs only those groups ('main' is the tests in this file).
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist'
const ONLY = process.env.E2E_ONLY?.split(',')
let group = 'main'
const ORIGIN = `http://127.0.0.1:${PORT}`
const root = new URL('../..', import.meta.url).pathname
mkdirSync(`${root}test-results`, { recursive: true })

const results = []
/** The main page, for a screenshot when a test fails. */
let pageForShots
async function test(name, fn) {
  if (ONLY && !ONLY.includes(group) && !name.startsWith('no request left')) return
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`ok   ${name}`)
  } catch (e) {
    // What the page looked like when the test failed: the first thing to look at.
    await pageForShots?.screenshot({ path: `${root}test-results/failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png` }).catch(() => {})
    results.push({ name, ok: false })
    console.log(`FAIL ${name}\n     ${String(e?.message ?? e).split('\n').join('\n     ')}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }

const { server, ready } = startPreview(root, PORT, OUT_DIR)
let browser
try {
  await ready
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  pageForShots = page
  const offsite = []
  const consoleErrors = []
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) offsite.push(u) })
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  await basicsTests({ page, ORIGIN, root, test, assert })
  await clusterTests({ page, root, test, assert })

  // Pages of their own report off-site requests and console errors to the same lists.
  const watch = (p) => {
    p.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) offsite.push(u) })
    p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    p.on('pageerror', (e) => consoleErrors.push(String(e)))
  }
  group = 'story'
  await storyTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'scenario'
  await scenarioTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'tour'
  await tourTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'quiz'
  await quizTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'hardening'
  await hardeningTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'editorHardening'
  await editorHardeningTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'hostileInput'
  await hostileInputTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'csp'
  await cspTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'console'
  await consoleTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'focus'
  await focusTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'map'
  await mapTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'view'
  await viewTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'import'
  await importTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'whatif'
  await whatifTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'compare'
  await compareTests({ browser, ORIGIN, root, test, assert, watch })

  group = 'main'
  await bannersTests({ page, root, test, assert })

  await test('no request left the local server, no console errors', async () => {
    assert(offsite.length === 0, `off-site requests: ${offsite.join(', ')}`)
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`)
  })
} catch (e) {
  results.push({ name: 'e2e harness', ok: false })
  console.log(`FAIL e2e harness: ${e?.message ?? e}`)
} finally {
  await browser?.close().catch(() => {})
  server.kill('SIGTERM')
}
const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
