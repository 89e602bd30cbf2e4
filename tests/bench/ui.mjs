#!/usr/bin/env node
// `npm run bench:ui`: the browser app's speed in Debian's Chromium against the production build (dist/; run
// `npm run build` first). Measures, never asserts. Prints one figure per line:
//   cold load to the first swimlane drawn, JavaScript (gzipped) needed before Monaco loads,
//   playback of a 100-pod apply at 4× (fps from Play until the end and the panels have caught up, longest
//   main-thread task; the first play and the median of four more), and a ~50,000-step trace (370 pods on the
//   600-node preset): simulated and streamed (to the first lane and to the end; the first apply, then the mean of two
//   more), then scrubbing and zooming it (fps, longest task), and presenter mode playing the happy path at the
//   story's pace with the chapter pauses off (fps, longest task); the 5,000-node cluster map: time to its first
//   paint after a cycle is selected, recolouring it, and opening the decision view of that cycle (each with the
//   longest main-thread task); and the large apply as the first in a fresh page, the median of three pages.
// BENCH_OUT_DIR serves another build (default dist/), BENCH_PORT another port, BENCH_ONLY=map runs only the map figures.
import { startPreview } from '../e2e/preview.mjs'
import { existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const PORT = Number(process.env.BENCH_PORT ?? 4181)
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist'
const ONLY_MAP = process.env.BENCH_ONLY === 'map'
// BENCH_ONLY=large: only the 600-node preset's large apply (the simulate-and-stream figures), three times.
const ONLY_LARGE = process.env.BENCH_ONLY === 'large'
const ORIGIN = `http://127.0.0.1:${PORT}`
const root = new URL('../..', import.meta.url).pathname
if (!existsSync(`${root}${OUT_DIR}/index.html`)) { console.error('bench:ui: no production build; run `npm run build` first'); process.exit(2) }

const pods = (n) => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n`).join('---\n')

const EXAMPLE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n'

const { server, ready } = startPreview(root, PORT, OUT_DIR)
let browser
try {
  await ready
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking'] })
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await ctx.newPage()
  await page.addInitScript(() => {
    window.__bench = { longest: 0, tasks: [] }
    new MutationObserver((_, obs) => {
      if (document.querySelector('[role="region"][aria-label="kubectl"]')) { window.__bench.firstLane = performance.now(); obs.disconnect() }
    }).observe(document, { childList: true, subtree: true })
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.tasks.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask', buffered: true })
  })
  // JavaScript fetched before the Monaco editor chunk is requested.
  const js = []
  let monacoAt = -1
  page.on('response', async (r) => {
    const u = r.url()
    if (!u.startsWith(ORIGIN) || !u.endsWith('.js')) return
    if (/YamlEditor-|editor\.api|setup-/.test(u) && monacoAt < 0) monacoAt = js.length
    try { js.push({ url: u, gz: gzipSync(await r.body()).length }) } catch { /* aborted */ }
  })
  await page.goto(ORIGIN, { waitUntil: 'load' })
  await page.waitForFunction(() => window.__bench.firstLane !== undefined, null, { timeout: 20000 })
  const firstLane = await page.evaluate(() => window.__bench.firstLane)
  await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 30000 })
  await page.waitForTimeout(300)
  const before = monacoAt < 0 ? js : js.slice(0, monacoAt)
  console.log(`cold load to the first swimlane drawn: ${Math.round(firstLane)} ms`)
  console.log(`JavaScript before Monaco loads: ${(before.reduce((n, f) => n + f.gz, 0) / 1024).toFixed(1)} KB gzipped (${before.length} files)`)

  // Each figure is about one activity: first let the page settle (the editor's background tokenizing and schema
  // checks of a just-pasted manifest, the last trace batches) until no long task has run for a second.
  const quiet = () => page.evaluate(async () => {
    const b = window.__bench
    const until = performance.now() + 10000
    while (performance.now() < until) {
      const lastEnd = b.tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0)
      if (performance.now() - lastEnd > 1000) return
      await new Promise((r) => setTimeout(r, 200))
    }
  })
  const measure = async (ms, action) => page.evaluate(async ({ ms, action }) => {
    const b = window.__bench
    b.tasks.length = 0
    let frames = 0
    let worst = 0
    let last = performance.now()
    const end = last + ms
    const slider = document.querySelector('input[type=range]')
    const track = document.querySelector('.swimlanes-track')
    await new Promise((resolve) => {
      const tick = (now) => {
        frames++
        worst = Math.max(worst, now - last)
        last = now
        if (action === 'scrub' && slider) {
          const max = Number(slider.max)
          const v = Math.floor((((now / 16) % 120) / 120) * max)
          const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
          set.call(slider, String(v))
          slider.dispatchEvent(new Event('input', { bubbles: true }))
        }
        if (action === 'zoom' && track) {
          const r = track.getBoundingClientRect()
          track.dispatchEvent(new WheelEvent('wheel', { deltaY: frames % 40 < 20 ? -40 : 40, clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, cancelable: true }))
        }
        if (now < end) requestAnimationFrame(tick)
        else resolve()
      }
      requestAnimationFrame(tick)
    })
    await new Promise((r) => setTimeout(r, 100))
    const longest = b.tasks.reduce((m, t) => Math.max(m, t.duration), 0)
    return { fps: frames / (ms / 1000), worstFrame: worst, longest, over50: b.tasks.filter((t) => t.duration > 50).length }
  }, { ms, action })

  const applyText = async (text, label) => {
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), text)
    const t0 = Date.now()
    const generation = await page.evaluate(() => document.querySelector('.app')?.dataset.generation)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    // The first lane: the new run's first streamed steps are drawn while the simulation still runs.
    const firstLane = page.waitForFunction((g) => document.querySelector('.app')?.dataset.generation !== g
      && Number(document.querySelector('[aria-label="Events"]')?.getAttribute('data-steps') ?? 0) > 0, generation, { timeout: 180000, polling: 'raf' })
      .then(() => Date.now() - t0)
    await page.waitForFunction(() => !document.querySelector('.controls button:first-child')?.hasAttribute('disabled') && /created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 180000 })
    const done = Date.now() - t0
    const steps = await page.evaluate(() => Number(document.querySelector('input[type=range]')?.max ?? -1) + 1)
    const lane = await firstLane
    if (label) console.log(`${label}: ${steps.toLocaleString('en-US')} steps simulated and streamed in ${done} ms; first lane drawn after ${lane} ms`)
    return { done, lane, steps }
  }

  // The 5,000-node cluster map: the "giant" preset and one pod. Each figure runs from the action to the next frame
  // after the map's canvas was painted (its data-painted-cycle / data-paints attributes), with the longest task.
  const benchMap = async () => {
    await page.getByRole('tab', { name: 'Cluster' }).click()
    await page.getByLabel('Cluster preset').selectOption('giant')
    await page.getByRole('tab', { name: 'Pod manifest' }).click()
    await applyText(EXAMPLE, 'one pod on 5,000 nodes')
    const canvas = '.node-map canvas'
    await page.getByRole('slider').fill('0')
    await page.waitForFunction((c) => document.querySelector(c)?.getAttribute('data-painted-cycle') === '', canvas, { timeout: 30000 })
    await quiet()
    const timed = (action) => page.evaluate(async ({ c, action }) => {
      const b = window.__bench
      b.tasks.length = 0
      const el = () => document.querySelector(c)
      const paints = Number(el()?.dataset.paints ?? 0)
      const start = performance.now()
      if (action === 'cycle') {
        const slider = document.querySelector('input[type=range]')
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, slider.max)
        slider.dispatchEvent(new Event('input', { bubbles: true }))
      } else if (action === 'decision') {
        document.querySelector('.node-card-open')?.click()
      } else {
        const sel = document.querySelector('select[aria-label="Colour nodes by"]')
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(sel, action)
        sel.dispatchEvent(new Event('change', { bubbles: true }))
      }
      const done = () => (action === 'cycle' ? (el()?.dataset.paintedCycle ?? '') !== ''
        : action === 'decision' ? !!document.querySelector('[role="region"][aria-label="Scheduling decision"], [role="dialog"][aria-label="Scheduling decision"]')
          : Number(el()?.dataset.paints ?? 0) > paints)
      const until = start + 60000
      while (!done() && performance.now() < until) await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => requestAnimationFrame(r))
      const ms = performance.now() - start
      await new Promise((r) => setTimeout(r, 300))
      return { ms, ok: done(), longest: b.tasks.reduce((m, t) => Math.max(m, t.duration), 0) }
    }, { c: canvas, action })
    const show = (label, r) => console.log(`${label}: ${r.ok ? `${Math.round(r.ms)} ms` : 'did not happen in 60 s'}, longest main-thread task ${Math.round(r.longest)} ms`)
    show('5,000-node map, first paint after a cycle is selected (step 0 → the end)', await timed('cycle'))
    await quiet()
    show('5,000-node map, recoloured by allocation', await timed('allocation'))
    await quiet()
    show('5,000-node map, recoloured by verdict', await timed('verdict'))
    await quiet()
    if (await page.locator('.node-card-open').count()) show('decision view of the cycle at 5,000 nodes, opened from the map', await timed('decision'))
    else console.log('decision view at 5,000 nodes: no button to open it (the map has no node card)')
  }

  // The large apply as a user's first, in a fresh page each time (a new context: its own worker, nothing compiled in
  // it yet), three times: one such figure moves by a quarter on a shared 2-core machine, their median much less.
  const freshLarge = async () => {
    const runs = []
    for (let k = 0; k < 3; k++) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const p = await c.newPage()
      await p.goto(ORIGIN, { waitUntil: 'load' })
      await p.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 30000 })
      await p.getByRole('tab', { name: 'Cluster' }).click()
      await p.getByLabel('Cluster preset').selectOption('huge')
      await p.getByRole('tab', { name: 'Pod manifest' }).click()
      await p.evaluate((t) => window.__podbirthEditor.setValue(t), pods(Number(process.env.BENCH_LARGE_PODS ?? 370)))
      const t0 = Date.now()
      await p.getByRole('button', { name: 'Apply', exact: true }).click()
      await p.waitForFunction(() => !document.querySelector('.controls button:first-child')?.hasAttribute('disabled') && /created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 180000 })
      runs.push(Date.now() - t0)
      await c.close()
    }
    const sorted = [...runs].sort((a, b) => a - b)
    console.log(`large trace (600 nodes), the first apply in a fresh page, three pages: median ${sorted[1]} ms (${runs.join(', ')} ms)`)
  }

  if (ONLY_MAP) await benchMap()
  else if (ONLY_LARGE) {
    await page.getByRole('tab', { name: 'Cluster' }).click()
    await page.getByLabel('Cluster preset').selectOption('huge')
    await page.getByRole('tab', { name: 'Pod manifest' }).click()
    for (let k = 0; k < 3; k++) {
      await applyText(`${pods(Number(process.env.BENCH_LARGE_PODS ?? 370))}# run ${k}\n`, 'large trace (600 nodes)')
      await quiet()
    }
    await freshLarge()
  }
  else {
    // The frame rate this browser reaches with nothing to do: the ceiling for the figures below.
    const idle = await measure(2000, 'none')
    console.log(`frame rate with nothing happening (the ceiling here): ${idle.fps.toFixed(1)} fps`)

    await applyText(pods(100), '100-pod apply')
    await page.getByLabel('Speed').selectOption('4')
    // These plays follow the simulation's clock (virtual time), as before the story's pace existed.
    await page.getByLabel('Pace').selectOption('time')
    // The whole apply spans about 2 s of virtual time, so a play at 4× lasts about half a second: each play is measured
    // from Play until the playhead reaches the end, plus the 0.5 s the panels take to catch up and settle.
    const playOnce = async () => {
      await page.getByRole('slider').fill('0')
      await quiet()
      await page.evaluate(() => { window.__bench.tasks.length = 0 })
      await page.getByRole('button', { name: 'Play', exact: true }).click()
      return page.evaluate(async () => {
        const b = window.__bench
        const slider = document.querySelector('input[type=range]')
        const start = performance.now()
        let frames = 0
        let endAt = 0
        await new Promise((resolve) => {
          const tick = (now) => {
            frames++
            if (!endAt && slider.value === slider.max) endAt = now
            if (endAt && now >= endAt + 500) resolve()
            else if (now - start > 30000) resolve()
            else requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        })
        const ms = performance.now() - start
        await new Promise((r) => setTimeout(r, 100))
        return { fps: frames / (ms / 1000), playMs: endAt - start, longest: b.tasks.reduce((m, t) => Math.max(m, t.duration), 0), over50: b.tasks.filter((t) => t.duration > 50).length }
      })
    }
    const plays = []
    for (let k = 0; k < 5; k++) plays.push(await playOnce())
    const [first, ...more] = plays
    const fpsMore = more.map((p) => p.fps).sort((x, y) => x - y)
    const median = (fpsMore[1] + fpsMore[2]) / 2
    console.log(`playback of the 100-pod apply at 4× (${(first.playMs / 1000).toFixed(2)} s of playback, measured with the 0.5 s after it), first play: ${first.fps.toFixed(1)} fps, longest main-thread task ${Math.round(first.longest)} ms (${first.over50} over 50 ms)`)
    console.log(`playback of the 100-pod apply at 4×, four more plays: median ${median.toFixed(1)} fps (${fpsMore[0].toFixed(1)}–${fpsMore[3].toFixed(1)}), longest main-thread task ${Math.round(Math.max(...more.map((p) => p.longest)))} ms (${more.reduce((n, p) => n + p.over50, 0)} over 50 ms)`)

    // Presenter mode telling the one-pod happy path at the story's pace (beats on screen, plumbing passing), no pauses.
    await applyText(EXAMPLE, 'happy path (one pod)')
    await page.getByRole('button', { name: 'Presenter mode' }).click()
    await page.getByLabel('Pace').selectOption('story')
    await page.getByLabel('Speed').selectOption('16')
    const pauses = page.getByRole('checkbox', { name: 'Pause at each chapter' })
    if (await pauses.isChecked()) await pauses.uncheck()
    const presenter = await playOnce()
    console.log(`presenter mode, the happy path at the story's pace (16×, no pauses; ${(presenter.playMs / 1000).toFixed(1)} s of playback): ${presenter.fps.toFixed(1)} fps, longest main-thread task ${Math.round(presenter.longest)} ms (${presenter.over50} over 50 ms)`)
    await page.getByRole('button', { name: 'Presenter mode' }).click()
    await page.getByLabel('Pace').selectOption('time')

    // A trace of about 50,000 steps: the "huge" cluster preset (600 nodes) and 370 pods.
    await page.getByRole('tab', { name: 'Cluster' }).click()
    await page.getByLabel('Cluster preset').selectOption('huge')
    await page.getByRole('tab', { name: 'Pod manifest' }).click()
    await applyText(pods(Number(process.env.BENCH_LARGE_PODS ?? 370)), 'large trace (600 nodes)')
    await quiet()
    // The same apply again, twice (a comment makes it a new apply): the engine's code is warm now, as for a user's
    // second apply on this preset. The mean of the two.
    const again = []
    for (let k = 0; k < 2; k++) {
      again.push(await applyText(`${pods(Number(process.env.BENCH_LARGE_PODS ?? 370))}# again ${k}\n`))
      await quiet()
    }
    const mid = (xs) => Math.round((xs[0] + xs[1]) / 2)
    console.log(`large trace (600 nodes), applied again (mean of two): simulated and streamed in ${mid(again.map((a) => a.done))} ms; first lane drawn after ${mid(again.map((a) => a.lane))} ms`)
    const scrub = await measure(4000, 'scrub')
    console.log(`large trace, scrubbing: ${scrub.fps.toFixed(1)} fps, longest main-thread task ${Math.round(scrub.longest)} ms (${scrub.over50} over 50 ms)`)
    await quiet()
    const zoom = await measure(4000, 'zoom')
    console.log(`large trace, zooming: ${zoom.fps.toFixed(1)} fps, longest main-thread task ${Math.round(zoom.longest)} ms (${zoom.over50} over 50 ms)`)
    await freshLarge()
    await benchMap()
  }
} catch (e) {
  console.error(`bench:ui failed: ${e?.message ?? e}`)
  process.exitCode = 1
} finally {
  await browser?.close().catch(() => {})
  server.kill()
}
