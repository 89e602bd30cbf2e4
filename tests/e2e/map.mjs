// End-to-end tests of the cluster map (the nodes view under the lanes): on the 12-node, 3-zone preset it draws every
// node grouped by zone and a click opens a node's reasons; on the 5,000-node preset the canvas has content, a click
// and the keyboard open nodes, and the panel keeps the queue in reach. Screenshots at 1280×720 and 1920×1080, light
// and dark, go to test-results/map-*.png. A page of its own.

import { EXAMPLE, pages } from './pages.mjs'

/** mapTests runs with run.mjs's `test` and `assert`. */
export async function mapTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const idle = (page, timeout = 30000) =>
    page.waitForFunction(
      () =>
        document.querySelector('.app')?.dataset.running === 'false' &&
        /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''),
      null,
      { timeout },
    )
  async function applyOn(page, preset, timeout) {
    await page.getByRole('tab', { name: 'Cluster' }).click()
    await page.getByLabel('Cluster preset').selectOption(preset)
    await page.getByRole('tab', { name: 'Pod manifest' }).click()
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await idle(page, timeout)
    // The end of the story: the pod is bound, the cycle that bound it is the map's.
    const slider = page.getByRole('slider')
    await slider.fill(await slider.getAttribute('max'))
  }
  const map = (page) => page.getByRole('application', { name: 'Cluster map' })
  /** How many canvas pixels are painted (not transparent): a drawn map has thousands. */
  const painted = (page) =>
    map(page)
      .locator('canvas')
      .evaluate((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++
        return n
      })
  const drawn = (page, count, timeout = 20000) =>
    page.waitForFunction(
      (n) => document.querySelector('.node-map canvas')?.getAttribute('data-nodes') === String(n),
      count,
      { timeout },
    )
  const card = (page) => page.locator('.node-card')

  await test("map: the default cluster (3 nodes) drawn as named tiles; the playhead's node in full", async () => {
    const { page, context } = await fresh('/')
    await applyOn(page, 'default', 30000)
    await drawn(page, 3)
    const region = page.getByRole('region', { name: 'Nodes at the playhead' })
    await page.waitForFunction(
      () => /default\/nginx/.test(document.querySelector('.node-card')?.textContent ?? ''),
      null,
      { timeout: 10000 },
    )
    const text = await region.innerText()
    assert(/worker-\d[\s\S]*100m/.test(text), `no cpu request on the pod's worker: ${text}`)
    await region.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${root}test-results/map-default-1280.png` })
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await page.setViewportSize({ width: 1920, height: 1080 })
    await region.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${root}test-results/map-default-1920-dark.png` })
    await context.close()
  })

  await test('map: the 12-node, 3-zone cluster drawn by zone; a click opens a node with its verdict', async () => {
    const { page, context } = await fresh('/')
    await applyOn(page, 'zones', 30000)
    await drawn(page, 12)
    assert((await painted(page)) > 500, 'the map canvas is empty')
    // A story starts at its first beat, before any scheduling cycle: go to its end, past the pod's cycle.
    const slider = page.getByRole('slider')
    await slider.fill(await slider.getAttribute('max'))
    await page.waitForFunction(() => /feasible|selected node/.test(
      document.querySelector('[role="group"][aria-label="Map legend"]')?.textContent ?? ''), null, { timeout: 10000 })
    const legend = await page.getByRole('group', { name: 'Map legend' }).innerText()
    assert(/feasible|selected node/.test(legend), `the legend has no verdicts: ${legend}`)
    // The first cell of the first group (zone-a): PAD 4, caption 16.
    await map(page)
      .locator('canvas')
      .click({ position: { x: 10, y: 26 } })
    await page.getByRole('group', { name: 'Node node-a1' }).waitFor({ timeout: 5000 })
    const text = await card(page).innerText()
    assert(/node-a1/.test(text) && /zone-a/.test(text), `the opened node: ${text}`)
    assert(
      /default\/nginx: (feasible|selected|rejected by|not evaluated)/.test(text),
      `no verdict for node-a1: ${text}`,
    )
    await page.screenshot({ path: `${root}test-results/map-zones-1280.png` })
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await page.locator('.node-card').scrollIntoViewIfNeeded()
    await page.waitForTimeout(200)
    await page.screenshot({ path: `${root}test-results/map-zones-1280-dark.png` })
    await context.close()
  })

  await test('map: 5,000 nodes render on a canvas; click and keyboard open a node; the queue stays in reach', async () => {
    const { page, context } = await fresh('/')
    await applyOn(page, 'giant', 180000)
    await drawn(page, 5000, 60000)
    assert((await painted(page)) > 20000, 'the 5,000-node canvas has too little content')
    const caption = await page.getByRole('region', { name: 'Nodes at the playhead' }).innerText()
    assert(/5,000 nodes/.test(caption), `no node count: ${caption}`)
    await map(page)
      .locator('canvas')
      .click({ position: { x: 5, y: 21 } })
    await page.getByRole('group', { name: 'Node node-0001' }).waitFor({ timeout: 5000 })
    const text = await card(page).innerText()
    assert(/default\/nginx: /.test(text), `no verdict line for node-0001: ${text}`)
    const legend = await page.getByRole('group', { name: 'Map legend' }).innerText()
    assert(/not recorded at this size|feasible/.test(legend), `legend: ${legend}`)
    // Keyboard: the map is focusable; → moves to the next node, Enter opens it.
    await map(page).focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page
      .getByRole('group', { name: /^Node node-\d{4}$/ })
      .filter({ hasNotText: 'node-0001 ' })
      .waitFor({ timeout: 5000 })
    const opened = await card(page).getAttribute('aria-label')
    assert(opened !== 'Node node-0001', `Enter did not open the next node: ${opened}`)
    // The panel has a fixed height: the map scrolls on its own instead of growing.
    const box = await map(page).boundingBox()
    assert(box && box.height <= 222, `the map is ${box?.height}px tall`)
    await page.screenshot({ path: `${root}test-results/map-5000-1280-light.png` })
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await page.waitForTimeout(200)
    assert((await painted(page)) > 20000, 'the dark map is empty')
    await page.screenshot({ path: `${root}test-results/map-5000-1280-dark.png` })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${root}test-results/map-5000-1920-dark.png` })
    await page.getByRole('button', { name: 'Light theme' }).click()
    await page.waitForTimeout(200)
    await page.screenshot({ path: `${root}test-results/map-5000-1920-light.png` })
    await context.close()
  })
}
