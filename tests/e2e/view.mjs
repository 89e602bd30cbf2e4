// End-to-end tests of the decision view (issue #15): at 1280×720 the 12-node, 3-zone scenario's cycle opens
// full-width from the inspector; every grid column and node name is inside the viewport with no horizontal scroll; a
// topology-spread rejection shows per-zone counts and the skew; an anti-affinity rejection names the pod; the Why
// paragraph is the CLI's. Screenshots at 1280×720 and 1920×1080, light and dark, go to tests/tmp/.

import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { pages } from './pages.mjs'

/** viewTests runs with run.mjs's `test` and `assert`. */
export async function viewTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const tmp = `${root}tests/tmp`
  mkdirSync(tmp, { recursive: true })
  const idle = (page) =>
    page.waitForFunction(
      () =>
        document.querySelector('.app')?.dataset.running === 'false' &&
        document.querySelectorAll('.log [role="row"], .log li').length >= 0,
      null,
      { timeout: 30000 },
    )

  /** Opens the scenario, finds its Filter step and opens the decision view from the inspector. */
  async function openView(viewport, dark = false) {
    const { page, context } = await fresh('/#scenario=twelve-nodes-three-zones', { viewport })
    await page.waitForFunction(
      () =>
        document.querySelector('.app')?.dataset.running === 'false' &&
        Number(document.querySelector('.app')?.dataset.runs) > 0,
      null,
      { timeout: 30000 },
    )
    await idle(page)
    if (dark) await page.getByRole('button', { name: 'Dark theme' }).click()
    const find = page.locator('#find-step')
    await find.fill('PodTopologySpread rejected')
    await find.press('Enter')
    const open = page.getByRole('button', { name: /Scheduling decision/ }).first()
    await open.waitFor({ timeout: 10000 })
    await open.click()
    const view = page.getByRole('region', { name: 'Scheduling decision' })
    await view.waitFor({ timeout: 10000 })
    await page.locator('.decision-why-text').waitFor({ timeout: 30000 })
    return { page, context, view }
  }

  const { page, context, view } = await openView({ width: 1280, height: 720 })
  await test('view: the decision view opens full-width at 1280×720, every column and node inside the viewport', async () => {
    const grid = view.getByRole('table', { name: 'Filter verdicts: nodes × plugins' })
    await grid.scrollIntoViewIfNeeded()
    const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, vw: window.innerWidth }))
    assert(scroll.w <= scroll.vw, `no horizontal page scroll (${scroll.w} > ${scroll.vw})`)
    const headers = await grid.getByRole('columnheader').all()
    assert(headers.length >= 6, `the grid has its columns (${headers.length})`)
    for (const h of headers) {
      const b = await h.boundingBox()
      assert(
        b && b.x >= 0 && b.x + b.width <= 1280 && b.y >= 0 && b.y + b.height <= 720,
        `column ${await h.innerText()} is inside the viewport: ${JSON.stringify(b)}`,
      )
    }
    const names = await grid.locator('.node-link').all()
    assert(names.length === 12, `12 node names (${names.length})`)
    for (const n of names) {
      const b = await n.boundingBox()
      const text = await n.innerText()
      assert(
        b && b.x >= 0 && b.x + b.width <= 1280 && b.y >= 0 && b.y + b.height <= 720,
        `${text} is inside the viewport: ${JSON.stringify(b)}`,
      )
      assert(/^node-[abc][1-4]$/.test(text), `the name reads whole: ${text}`)
    }
    await page.screenshot({ path: `${tmp}/view-1280x720-light.png` })
  })

  await test('view: a topology-spread rejection shows the per-zone counts and the skew', async () => {
    await view.getByRole('button', { name: 'node-a4: reasons' }).click()
    const reasons = view.getByRole('region', { name: 'Reasons for node node-a4' })
    await reasons
      .getByText(/PodTopologySpread/)
      .first()
      .waitFor({ timeout: 10000 })
    const text = await reasons.innerText()
    assert(
      /matching pods zone-a 1, zone-b 1, zone-c 0\b/.test(text),
      `per-zone counts: ${text}`,
    )
    assert(/makes the skew 2 > maxSkew 1/.test(text), `the skew: ${text}`)
  })

  await test('view: an anti-affinity rejection names the conflicting pod', async () => {
    await view.getByRole('button', { name: 'node-c1: reasons' }).click()
    const reasons = view.getByRole('region', { name: 'Reasons for node node-c1' })
    await reasons
      .getByText(/InterPodAffinity/)
      .first()
      .waitFor({ timeout: 10000 })
    const text = await reasons.innerText()
    assert(/default\/cache-1/.test(text), `names default/cache-1: ${text}`)
  })

  await test("view: the Why paragraph is the CLI's (podbirth explain)", async () => {
    const manifest = await page.evaluate(() => window.__podbirthEditor.getValue())
    const cluster = await page.evaluate(() => localStorage.getItem('podbirth.cluster'))
    const seed = await page.evaluate(() => localStorage.getItem('podbirth.seed') ?? '1')
    writeFileSync(`${tmp}/view-pod.yaml`, manifest)
    writeFileSync(`${tmp}/view-cluster.yaml`, cluster)
    const out = execFileSync(
      'node',
      [
        `${root}src/cli/podbirth.mjs`,
        'explain',
        '-f',
        `${tmp}/view-pod.yaml`,
        '--cluster',
        `${tmp}/view-cluster.yaml`,
        '--seed',
        seed,
      ],
      { encoding: 'utf8' },
    )
    const cli = /^Why: (.*)$/m.exec(out)?.[1]
    const shown = (await view.locator('.decision-why-text').innerText()).trim()
    assert(cli && cli === shown, `the same paragraph:\n app: ${shown}\n cli: ${cli}`)
  })

  await test('view: a ✗ cell shows its reason on keyboard focus', async () => {
    const cell = view.locator('.mark.rejected').first()
    await cell.focus()
    const tip = await view.getByRole('status').innerText()
    assert(/rejected node-a1: node\(s\) didn't match Pod's node affinity\/selector/.test(tip), `the tip: ${tip}`)
  })

  await test('view: sort by score and show only the feasible nodes', async () => {
    await view.getByLabel('Show').selectOption('feasible')
    await view.getByLabel('Sort by').selectOption('score')
    const names = await view.locator('.node-link').allInnerTexts()
    assert(
      names.length === 3 && names.every((n) => /^node-c[2-4]$/.test(n)),
      `three feasible nodes in zone-c: ${names}`,
    )
    await view.getByLabel('Show').selectOption('all')
  })

  await test('view: Esc returns to the lanes', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('region', { name: 'Scheduling decision' }).waitFor({ state: 'detached', timeout: 5000 })
    assert(await page.getByRole('region', { name: 'Swimlanes' }).isVisible(), 'the lanes are back')
  })
  await context.close()

  await test('view: a FailedScheduling banner opens its decision, with every attempt of the pod', async () => {
    const { page: p, context: c } = await fresh('/#scenario=too-big')
    await p.waitForFunction(
      () =>
        document.querySelector('.app')?.dataset.running === 'false' &&
        Number(document.querySelector('.app')?.dataset.runs) > 0,
      null,
      { timeout: 30000 },
    )
    await p.locator('body').press('End')
    const open = p
      .locator('.outcome')
      .getByRole('button', { name: /Scheduling decision/ })
      .first()
    await open.waitFor({ timeout: 10000 })
    await open.click()
    const v = p.getByRole('region', { name: 'Scheduling decision' })
    await v.locator('.decision-why-text').waitFor({ timeout: 20000 })
    const attempts = await v.getByRole('region', { name: /Every attempt of/ }).innerText()
    assert(/attempt 1 failed: 0\/\d+ nodes are available/.test(attempts), `the attempts: ${attempts}`)
    assert(/FailedScheduling/.test(await v.innerText()), 'the failure is named')
    await v.getByRole('button', { name: '← Back' }).click()
    await v.waitFor({ state: 'detached', timeout: 5000 })
    await c.close()
  })

  await test('view: a pod listed by kubectl get pods at the playhead opens its scheduling decision', async () => {
    const { page: p, context: c } = await fresh('/#scenario=too-big')
    await p.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false'
      && Number(document.querySelector('.app')?.dataset.runs) > 0, null, { timeout: 30000 })
    const slider = p.getByRole('slider')
    await slider.fill(await slider.getAttribute('max'))
    const pods = p.getByRole('navigation', { name: 'Scheduling decisions of the pods listed' })
    const button = pods.getByRole('button', { name: /^Scheduling decision of default\// }).first()
    await button.waitFor({ timeout: 10000 })
    await button.click()
    const v = p.getByRole('region', { name: 'Scheduling decision' })
    await v.locator('.decision-why-text').waitFor({ timeout: 20000 })
    assert(/FailedScheduling/.test(await v.innerText()), 'the pod\'s failed cycle is not the one opened')
    await c.close()
  })

  await test('view: screenshots at 1280×720 dark and 1920×1080 light and dark', async () => {
    for (const [w, h, dark] of [
      [1280, 720, true],
      [1920, 1080, false],
      [1920, 1080, true],
    ]) {
      const o = await openView({ width: w, height: h }, dark)
      await o.view.getByRole('button', { name: 'node-a4: reasons' }).click()
      await o.page.waitForTimeout(300)
      await o.page.screenshot({ path: `${tmp}/view-${w}x${h}-${dark ? 'dark' : 'light'}.png` })
      await o.context.close()
    }
  })
}
