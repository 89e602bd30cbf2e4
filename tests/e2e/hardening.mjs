// End-to-end tests of the app's hardening (issue #18): crash recovery after failures in a row, a page without site
// storage (blocked, or full), one run at a time, and a good shared link after a damaged one. Each test opens its own
// page (run.mjs passes the harness).

import { deflateSync } from 'node:zlib'
import { EXAMPLE } from './pages.mjs'

/** A shared link's fragment (share.ts format v1: base64url of the zlib deflate of the JSON). */
const linkFor = (wire) => `#s=v1.${deflateSync(Buffer.from(JSON.stringify(wire))).toString('base64url')}`

/**
 * Counts the simulation workers the page starts and the applies posted to them (the Worker constructor wrapped
 * before the app loads), so a test can say exactly what ran.
 */
const COUNT_WORKERS = () => {
  window.__simWorkers = 0
  window.__simApplies = []
  const Base = window.Worker
  window.Worker = class extends Base {
    constructor(url, opts) {
      super(url, opts)
      if (!String(url).includes('sim.worker')) return
      window.__simWorkers++
      const post = this.postMessage.bind(this)
      this.postMessage = (m, t) => { if (m?.type === 'apply') window.__simApplies.push(m.text); post(m, t) }
    }
  }
}

/**
 * Appended to the simulation worker's script: an apply whose text has `# engine-failure: <name>` fails the way an
 * engine bug does (the worker's own message, fatal), whatever the engine does with it by now.
 */
const FAILING_WORKER = `
;{ const run = self.onmessage
  self.onmessage = (ev) => {
    const m = ev.data && ev.data.type === 'apply' && /# engine-failure: (\\S+)/.exec(ev.data.text)
    if (m) { self.postMessage({ type: 'error', message: 'The simulation failed with an engine error: injected ' + m[1], fatal: true }); return }
    run(ev)
  } }
`

/** hardeningTests runs the hardening tests with run.mjs's `test` and `assert`, in pages of their own. */
export async function hardeningTests({ browser, ORIGIN, root, test, assert, watch }) {
  const idle = (page) => page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false', null, { timeout: 15000 })
  const output = (page) => page.locator('[aria-label="kubectl output"]').innerText()
  /** A page of its own with init scripts run before the app (and the example applied when `apply`). */
  async function open({ init = [], path = '/', apply = true } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    for (const s of init) await context.addInitScript(s)
    const page = await context.newPage()
    watch(page)
    await page.goto(`${ORIGIN}${path}`)
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    if (apply) {
      await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false' && /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    }
    return { page, context }
  }

  await test('hardening: after two engine failures in a row, the last apply that worked is replayed once each time and the message names the input that failed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    await context.addInitScript(COUNT_WORKERS)
    await context.route(/\/assets\/sim\.worker-[^/]+\.js$/, async (route) => {
      const res = await route.fetch()
      await route.fulfill({ response: res, body: (await res.text()) + FAILING_WORKER })
    })
    const page = await context.newPage()
    watch(page)
    await page.goto(ORIGIN)
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /nginx\s+1\/1\s+Running/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    const steps = await page.getByRole('slider').getAttribute('max')
    const alert = page.locator('p.error[role="alert"]')
    const bad = [1, 2].map((n) => `${EXAMPLE}# engine-failure: failure-${n}\n`)
    for (const [i, text] of bad.entries()) {
      const runs = Number(await page.locator('.app').getAttribute('data-runs'))
      await page.evaluate((t) => window.__podbirthEditor.setValue(t), text)
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.waitForFunction((n) => document.querySelector('p.error[role="alert"]')?.textContent?.includes(`injected failure-${n}`), i + 1, { timeout: 10000 })
      const msg = await alert.innerText()
      assert(msg.includes('restarted with your last apply that worked'), `message ${i + 1}: ${msg}`)
      assert(!msg.includes(`failure-${2 - i}`), `message ${i + 1} names the other failure: ${msg}`)
      // The replay brings the good trace back, and the message stays.
      // (The failure's message stops the run too: wait for the replay's own run to start and finish.)
      await page.waitForFunction(([n, r]) => Number(document.querySelector('.app')?.dataset.runs) === r + 1 && document.querySelector('.app')?.dataset.running === 'false' && document.querySelector('input[type=range]')?.getAttribute('max') === n, [steps, runs], { timeout: 15000 })
      assert((await alert.innerText()).includes(`injected failure-${i + 1}`), 'the replay cleared the failure\'s message')
    }
    const ran = await page.evaluate(() => ({ workers: window.__simWorkers, applies: window.__simApplies }))
    assert(ran.workers === 3, `${ran.workers} simulation workers started (want the first and one per failure); applies ${ran.applies.length}`)
    const names = ran.applies.map((t) => (t === EXAMPLE ? 'good' : /failure-(\d)/.exec(t)?.[0] ?? '?'))
    assert(names.join(' ') === 'good failure-1 good failure-2 good', `applies posted: ${names.join(' ')}`)
    assert(/pod\/nginx created/.test(await output(page)), 'the good apply\'s output is not on screen')
    assert(await page.evaluate(() => window.__podbirthEditor.getValue()) === bad[1], 'the manifest changed')
    await page.screenshot({ path: `${root}test-results/hardening-recovery.png` })
    await context.close()
  })

  await test('hardening: with site storage blocked (reading localStorage throws), the app renders, says once that texts are not kept, and applies the example', async () => {
    const { page, context } = await open({ init: [() => {
      Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError') } })
    }] })
    const notice = page.locator('.storage-notice')
    assert(await notice.count() === 1 && /will not be kept/.test(await notice.innerText()), 'no notice that texts are not kept')
    assert(await notice.getAttribute('role') === 'status', 'the notice is not a quiet status')
    assert(/nginx\s+1\/1\s+Running/.test(await output(page)), `output: ${await output(page)}`)
    await page.screenshot({ path: `${root}test-results/hardening-storage-blocked.png` })
    // Said once: dismissed, it stays away while edits go on.
    await notice.getByRole('button', { name: 'OK' }).click()
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE.replace('nginx:1.27', 'nginx:1.28'))
    await page.getByRole('button', { name: /theme$/ }).click()
    assert(await notice.count() === 0, 'the notice came back')
    await context.close()
  })

  await test('hardening: a full storage quota warns that an edit was not kept instead of dropping it silently', async () => {
    const { page, context } = await open({ apply: false, init: [() => {
      const set = Storage.prototype.setItem
      Storage.prototype.setItem = function (k, v) {
        if (k === 'podbirth.manifest' && v.length > 2000) throw new DOMException('quota', 'QuotaExceededError')
        return set.call(this, k, v)
      }
    }] })
    assert(await page.locator('.storage-notice').count() === 0, 'a notice before anything was refused')
    const big = `${EXAMPLE}${'# padding\n'.repeat(300)}`
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), big)
    const notice = page.locator('.storage-notice[data-problem="full"]')
    await notice.waitFor({ timeout: 5000 })
    assert(await notice.getAttribute('role') === 'alert' && /not kept/.test(await notice.innerText()), `warning: ${await notice.innerText()}`)
    // A smaller edit is kept again: the warning goes.
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
    await page.waitForFunction(() => !document.querySelector('.storage-notice'), null, { timeout: 5000 })
    await context.close()
  })

  await test('hardening: Apply and five Ctrl+Enter during the run start one run; a different apply replaces the running one', async () => {
    const { page, context } = await open({ init: [COUNT_WORKERS] })
    const count = () => page.evaluate(() => ({ runs: Number(document.querySelector('.app')?.dataset.runs), applies: window.__simApplies.length, workers: window.__simWorkers }))
    const before = await count()
    // All in one task: the worker cannot have answered, so each key lands while the run is on.
    await page.evaluate(() => {
      document.querySelector('.controls button').click()
      for (let i = 0; i < 5; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }))
    })
    await idle(page)
    await page.waitForFunction(() => /nginx\s+1\/1\s+Running/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    const after = await count()
    assert(after.runs - before.runs === 1 && after.applies - before.applies === 1, `runs ${before.runs} → ${after.runs}, applies posted ${before.applies} → ${after.applies}`)
    // Keys pressed for real while a run is on are dropped the same way (an apply after it finished would run again).
    await page.evaluate(() => window.__podbirthEditor.focus())
    await page.keyboard.press('Control+Enter')
    await idle(page)
    const again = await count()
    assert(again.runs - after.runs === 1, `Ctrl+Enter after the run: ${again.runs - after.runs} runs`)
    // A different manifest while a run is on: the running one is stopped, the new one's result is what shows.
    await page.evaluate((t) => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }))
      window.__podbirthEditor.setValue(t)
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }))
    }, EXAMPLE.replace('name: nginx\n  labels', 'name: second\n  labels'))
    await idle(page)
    await page.waitForFunction(() => /pod\/second created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    const last = await count()
    assert(last.applies - again.applies === 2 && last.workers - again.workers === 1, `replacing: ${JSON.stringify({ again, last })}`)
    assert(last.runs - again.runs <= 2, `replacing: ${last.runs - again.runs} runs`)
    assert(!/pod\/nginx created/.test(await output(page)), 'the replaced run\'s output shows')
    await context.close()
  })

  await test('hardening: a good shared link opened after a damaged one clears the damaged one\'s message', async () => {
    const { page, context } = await open({ apply: false })
    const good = linkFor({ m: EXAMPLE.replace('name: nginx\n  labels', 'name: shared-pod\n  labels'), s: 5 })
    await page.evaluate((h) => { location.hash = h }, good.slice(0, good.length - 12))
    const alert = page.locator('p.error[role="alert"]')
    await alert.waitFor({ timeout: 5000 })
    assert((await alert.innerText()).startsWith('This shared link could not be opened:'), `message: ${await alert.innerText()}`)
    await page.evaluate((h) => { location.hash = h }, good)
    await page.waitForFunction(() => window.__podbirthEditor.getValue().includes('name: shared-pod'), null, { timeout: 5000 })
    assert(await alert.count() === 0, `the old message stays: ${await alert.innerText().catch(() => '')}`)
    await context.close()
  })
  await test('hardening: Cancel stops a long simulation; the last apply that worked comes back, the texts stay', async () => {
    const { page, context } = await open({ init: [COUNT_WORKERS] })
    // 1,500 pods: some 190,000 steps, seconds of simulation — long enough to be cancelled while it runs.
    const big = Array.from({ length: 1500 }, (_, i) => EXAMPLE.replace('name: nginx\n  labels', `name: pod-${i}\n  labels`))
      .join('---\n')
    const stepsOf = () => page.evaluate(() => Number(document.querySelector('[aria-label="Events"]')?.getAttribute('data-steps')))
    const exampleSteps = await stepsOf()
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), big)
    const workers = await page.evaluate(() => window.__simWorkers)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'true', null, { timeout: 5000 })
    // While it runs: the progress so far, and the first steps already streamed into the lanes and the log.
    const progress = page.getByRole('status', { name: 'Simulation progress' })
    await progress.waitFor({ timeout: 60000 })
    assert(/Simulating… [\d,]+ steps, \d+\.\d s of virtual time/.test(await progress.innerText()), `progress reads: ${await progress.innerText()}`)
    await page.waitForFunction(() => Number(document.querySelector('[aria-label="Events"]')?.getAttribute('data-steps')) > 0, null, { timeout: 60000 })
    assert(await page.getByRole('button', { name: 'Cancel', exact: true }).isVisible(), 'no Cancel while the run goes on')
    // Checked and pressed in one task of the page, so the run cannot end in between: a fast machine simulates these
    // 1,500 pods in a few seconds, and a click that waits for the button to hold still can outlast the run.
    const pressed = await page.evaluate(() => {
      if (document.querySelector('.app')?.dataset.running !== 'true') return false
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')
      cancel?.click()
      return cancel !== undefined
    })
    assert(pressed, 'the run ended before Cancel')
    await page.waitForFunction(() => /cancelled/.test(document.querySelector('[role="alert"]')?.textContent ?? ''), null, { timeout: 5000 })
    await page.waitForFunction(() => /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    await idle(page)
    assert(!/pod\/pod-0 created/.test(await output(page)), 'the cancelled run\'s output shows')
    // Steps the stopped worker had streamed but the page still held must never land in the replayed trace.
    await page.waitForTimeout(1500)
    assert(await stepsOf() === exampleSteps, `the trace after Cancel has ${await stepsOf()} steps, the replayed apply ${exampleSteps}`)
    assert(await page.evaluate(() => window.__simWorkers) === workers + 1, 'the busy worker was not replaced')
    assert(await page.evaluate(() => window.__podbirthEditor.getValue()) === big, 'the manifest changed')
    assert(await page.getByRole('button', { name: 'Cancel', exact: true }).count() === 0, 'Cancel stays after the run')
    assert(await page.getByRole('status', { name: 'Simulation progress' }).count() === 0, 'the progress stays after the run')
    await context.close()
  })
}
