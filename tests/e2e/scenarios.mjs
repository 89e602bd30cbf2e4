// End-to-end tests of the scenario gallery and the user picker: a scenario opens parked at the story's start, its
// "Jump to the moment" reaches its key step, and a #scenario= link opens the same. Pages of their own.

import { pages } from './pages.mjs'

/** scenarioTests runs with run.mjs's `test` and `assert`. */
export async function scenarioTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh: open } = pages({ browser, ORIGIN, watch })
  const fresh = (hash = '') => open(`/${hash}`)
  const told = (page) => page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false' && !!document.querySelector('[aria-label="Story chapters"]'), null, { timeout: 20000 })
  const inspectorTitle = (page) => page.getByRole('complementary', { name: 'Inspector' }).locator('h2').innerText()
  /** Opens the gallery and chooses the scenario whose title matches. */
  async function choose(page, title) {
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Scenarios' })
    await dialog.waitFor({ timeout: 5000 })
    assert(await dialog.getByRole('button').filter({ hasText: 'Stage' }).count() >= 20, 'the gallery has fewer than 20 scenarios')
    await dialog.getByRole('button', { name: title }).click()
    await told(page)
  }
  /** Parked at the start; then the moment button selects the step the scenario is about. */
  async function parkedThenMoment(page, check, shot) {
    assert(await page.getByRole('slider').inputValue() === '0', `not parked at the start: step ${await page.getByRole('slider').inputValue()}`)
    await page.getByRole('region', { name: 'Scenario' }).getByRole('button', { name: 'Jump to the moment' }).click()
    await page.waitForFunction(() => document.querySelector('input[type=range]')?.value !== '0', null, { timeout: 5000 })
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.getAttribute('data-selected') === document.querySelector('input[type=range]')?.value, null, { timeout: 5000 })
    const title = await inspectorTitle(page)
    assert(check(title), `the moment is not the key step: ${title}`)
    await page.screenshot({ path: `${root}test-results/${shot}.png` })
  }

  await test('scenarios: RBAC from the gallery runs as alice (the user picker says so), parked at the start; the moment is the 403', async () => {
    const { page, context } = await fresh()
    await choose(page, /RBAC says no/)
    assert(await page.getByRole('combobox', { name: 'User' }).inputValue() === 'alice', 'the user picker does not show alice')
    assert(/--user alice/.test(await page.getByLabel('kubectl output').innerText()), 'kubectl did not run as alice')
    await parkedThenMoment(page, (t) => /forbidden: User "alice" cannot get resource "pods"/.test(t), 'scenario-rbac')
    // A link made here carries the scenario, the user and the playhead: it opens on the same step.
    const at = await page.getByRole('slider').inputValue()
    await page.getByRole('button', { name: 'Copy link' }).click()
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'), null, { timeout: 5000 })
    const link = await page.evaluate(() => location.href)
    const other = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const second = await other.newPage()
    watch(second)
    await second.goto(link)
    await told(second)
    await second.waitForFunction((n) => document.querySelector('input[type=range]')?.value === n, at, { timeout: 10000 })
    assert(await second.getByRole('combobox', { name: 'User' }).inputValue() === 'alice', 'the link did not carry the user')
    await other.close()
    // Back to the current context's user: the same manifest is created.
    await page.getByRole('combobox', { name: 'User' }).selectOption('')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /pod\/\S+ created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    await context.close()
  })

  await test('scenarios: preemption and an image typo, each parked at the start with a jump to its moment', async () => {
    const { page, context } = await fresh()
    await choose(page, /Preemption/)
    await parkedThenMoment(page, (t) => /preempt|victim/i.test(t), 'scenario-preemption')
    await choose(page, /typo in the image/)
    await parkedThenMoment(page, (t) => /failed|not found/i.test(t), 'scenario-image-typo')
    await context.close()
  })

  await test('scenarios: a #scenario= link opens the scenario, parked at the start', async () => {
    const { page, context } = await fresh('#scenario=rbac-forbidden')
    await told(page)
    assert(/RBAC says no/.test(await page.getByRole('region', { name: 'Scenario' }).innerText()), 'the scenario strip is missing')
    assert(await page.getByRole('combobox', { name: 'User' }).inputValue() === 'alice', 'the link did not set the user')
    await parkedThenMoment(page, (t) => /forbidden/.test(t), 'scenario-link')
    assert(await page.evaluate(() => location.hash) === '', 'the link stays in the address bar')
    await context.close()
  })
}
