// End-to-end tests of the guided tour and the map of the cluster. The tour does not show by itself to a browser
// driven by automation unless the URL has ?tour (src/ui/tour/firstVisit.ts): these tests ask for it. Pages of their
// own; screenshots go to test-results/.

import { pages } from './pages.mjs'

/** tourTests runs with run.mjs's `test` and `assert`. */
export async function tourTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh: open } = pages({ browser, ORIGIN, watch })
  const fresh = (path = '/', viewport = { width: 1280, height: 720 }, colorScheme = 'light') => open(path, { viewport, colorScheme })
  const tour = (page) => page.getByRole('dialog', { name: /Welcome to podbirth/ })
  const stepOf = (page) => tour(page).getAttribute('data-step')
  const focusInTour = (page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"][aria-modal="true"]'))
  /** The card is inside the viewport and the ring round the target's box. */
  async function pointsAt(page, selector) {
    const r = await page.evaluate((sel) => {
      const box = (el) => { const b = el.getBoundingClientRect(); return { x: b.left, y: b.top, r: b.right, b: b.bottom } }
      const t = document.querySelector(sel)
      const ring = document.querySelector('.tour-ring')
      return { target: t && box(t), ring: ring && box(ring), card: box(document.querySelector('.tour-card')), w: innerWidth, h: innerHeight }
    }, selector)
    assert(r.target && r.ring, `no target or no ring for ${selector}`)
    assert(r.ring.x <= r.target.x && r.ring.y <= r.target.y && r.ring.r >= r.target.r && r.ring.b >= r.target.b, `the ring is not round ${selector}: ${JSON.stringify(r)}`)
    assert(r.card.x >= 0 && r.card.y >= 0 && r.card.r <= r.w && r.card.b <= r.h, `the card leaves the viewport: ${JSON.stringify(r.card)}`)
  }

  await test('tour: it appears on a first visit (?tour), Next moves it (applying the example for the chapter bar), Skip dismisses it, and a reload keeps it dismissed', async () => {
    const { page, context } = await fresh('/?tour')
    await tour(page).waitFor({ timeout: 5000 })
    assert(await tour(page).getAttribute('aria-modal') === 'true', 'the tour is not aria-modal')
    assert(await stepOf(page) === 'editor', `first step: ${await stepOf(page)}`)
    await pointsAt(page, '.editor-pane .editor-tabs')
    assert(await focusInTour(page), 'focus is not in the tour')
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    assert(await focusInTour(page), 'Tab left the tour')
    // Space is the tour's (it presses the focused button), not the app's Play.
    await tour(page).getByRole('button', { name: 'Next' }).click()
    assert(await stepOf(page) === 'apply', `second step: ${await stepOf(page)}`)
    await tour(page).getByRole('button', { name: 'Next' }).click()
    assert(await stepOf(page) === 'chapters', `third step: ${await stepOf(page)}`)
    // The chapter bar exists once a story is told: the tour applied the example.
    await page.getByRole('navigation', { name: 'Story chapters' }).waitFor({ timeout: 20000 })
    await page.waitForFunction(() => /pressed Apply/.test(document.querySelector('.tour-card')?.textContent ?? ''), null, { timeout: 5000 })
    await page.waitForTimeout(300)
    await pointsAt(page, 'nav[aria-label="Story chapters"]')
    await page.screenshot({ path: `${root}test-results/tour-chapters.png` })
    await tour(page).getByRole('button', { name: 'Next' }).click()
    await page.waitForTimeout(300)
    await pointsAt(page, 'section[aria-label="Swimlanes"] .swimlanes')
    await page.screenshot({ path: `${root}test-results/tour-lanes.png` })
    await tour(page).getByRole('button', { name: 'Back' }).click()
    assert(await stepOf(page) === 'chapters', 'Back did not go back')
    await tour(page).getByRole('button', { name: 'Skip the tour' }).click()
    assert(await tour(page).count() === 0, 'Skip did not close the tour')
    assert(await page.evaluate(() => localStorage.getItem('podbirth.tourDone')) === 'true', 'podbirth.tourDone is not written')
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    await page.waitForTimeout(500)
    assert(await tour(page).count() === 0, 'the tour came back after a reload')
    await context.close()
  })

  await test('tour: Help brings it back, Esc leaves and focus returns to Help; entering presenter mode closes it; no tour without ?tour', async () => {
    const { page, context } = await fresh('/')
    await page.waitForTimeout(500)
    assert(await tour(page).count() === 0, 'the tour shows to automation without ?tour')
    const help = page.getByRole('button', { name: 'Help', exact: true })
    await help.click()
    await tour(page).waitFor({ timeout: 5000 })
    assert(await stepOf(page) === 'editor', 'Help does not start at the first step')
    await page.keyboard.press('ArrowRight')
    assert(await stepOf(page) === 'apply', '→ does not move the tour')
    await page.keyboard.press('Escape')
    assert(await tour(page).count() === 0, 'Esc did not close the tour')
    assert(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')) === 'Help', 'focus did not go back to Help')
    await help.click()
    await tour(page).waitFor({ timeout: 5000 })
    await page.getByRole('button', { name: 'Presenter mode' }).click()
    await page.waitForFunction(() => document.querySelector('.app')?.dataset.presenter === 'true')
    assert(await tour(page).count() === 0, 'presenter mode did not close the tour')
    await context.close()
  })

  await test('map: the map lights up kube-scheduler when the playhead is on a scheduler step, and the edge of its arrow', async () => {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await fresh('/', { width: 1280, height: 720 }, scheme)
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.getByRole('navigation', { name: 'Story chapters' }).waitFor({ timeout: 20000 })
      await page.getByRole('button', { name: 'Map', exact: true }).click()
      const map = page.getByRole('figure', { name: /Map of the cluster/ })
      await map.waitFor({ timeout: 5000 })
      assert(await map.getAttribute('data-lit') === 'kubectl', `at the start the map lights ${await map.getAttribute('data-lit')}`)
      assert((await map.locator('figcaption').innerText()).includes('now: kubectl'), 'the caption does not say kubectl')
      await page.getByRole('region', { name: 'kube-scheduler', exact: true }).getByRole('button', { name: 'Next kube-scheduler step' }).click()
      await page.waitForFunction(() => document.querySelector('.cluster-map')?.getAttribute('data-lit') === 'kube-scheduler', null, { timeout: 5000 })
      assert((await map.locator('figcaption').innerText()).includes('now: kube-scheduler'), 'the caption does not say kube-scheduler')
      assert(await map.locator('.map-component.lit').count() === 1, 'not exactly one component lit')
      // Further on, the scheduler's binding goes to the API server: that edge lights.
      // The map follows the panels' step (at most every 250 ms while the playhead moves): let it rest each time.
      const settled = () => page.waitForFunction(() => document.querySelector('[role="log"]')?.getAttribute('data-selected') === document.querySelector('input[type=range]')?.value, null, { timeout: 5000 })
      await settled()
      for (let i = 0; i < 40 && await map.getAttribute('data-edge') !== 'kube-scheduler>kube-apiserver'; i++) {
        await page.getByRole('region', { name: 'kube-scheduler', exact: true }).getByRole('button', { name: 'Next kube-scheduler step' }).click()
        await settled()
      }
      assert(await map.getAttribute('data-edge') === 'kube-scheduler>kube-apiserver', 'no scheduler → apiserver edge lit')
      const box = await map.boundingBox()
      assert(box && box.width <= 440 && box.height <= 300, `the map is too large: ${JSON.stringify(box)}`)
      await map.screenshot({ path: `${root}test-results/map-${scheme}.png` })
      await page.screenshot({ path: `${root}test-results/map-page-${scheme}.png` })
      await context.close()
    }
  })
}
