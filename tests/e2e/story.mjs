// End-to-end tests of the story: chapters, narration depth, paced playback with pauses, chapter keys, presenter
// mode at projector sizes, and keyboard reach past the editor. Each test opens its own page (run.mjs passes the
// harness); screenshots go to test-results/.

import { pages } from './pages.mjs'

/** storyTests runs the story's tests with run.mjs's `test` and `assert`, in pages of their own. */
export async function storyTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { applied } = pages({ browser, ORIGIN, watch })
  // The chapter bar follows the panels' step (at most every 250 ms while the playhead moves): wait for it to rest.
  const settled = (page) => page.waitForFunction(() => document.querySelector('[role="log"]')?.getAttribute('data-selected') === document.querySelector('input[type=range]')?.value, null, { timeout: 5000 })
  const current = async (page) => { await settled(page); return page.getByRole('navigation', { name: 'Story chapters' }).locator('[aria-current="step"]').getAttribute('aria-label') }
  const slider = (page) => page.getByRole('slider').inputValue()

  await test('story: after Apply the playhead is on the first step, the chapter bar shows the five stages and the first chapter is told', async () => {
    const { page, context } = await applied()
    assert(await slider(page) === '0', `the playhead is on step ${await slider(page)}, not the first`)
    const nav = page.getByRole('navigation', { name: 'Story chapters' })
    for (const stage of ['1 · Manifest', '2 · kubectl', '3 · API server', '4 · Scheduler', '5 · Node']) {
      assert(await nav.getByText(stage, { exact: true }).count() === 1, `no stage "${stage}" in the chapter bar`)
    }
    assert((await nav.getByRole('button').count()) >= 20, 'the chapter bar has fewer than 20 chapters for the happy path')
    assert(/Stage 1: kubectl reads the manifest/.test(await current(page)), `current chapter: ${await current(page)}`)
    const card = page.getByRole('region', { name: 'Current chapter' })
    assert(/kubectl reads the manifest/.test(await card.innerText()), 'the first chapter is not told')
    await page.screenshot({ path: `${root}test-results/story-start.png` })
    await context.close()
  })

  await test('story: playing with pauses on stops at each chapter, and reaches mutating admission with its narration', async () => {
    const { page, context } = await applied()
    await page.getByRole('checkbox', { name: 'Pause at each chapter' }).check()
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    let stops = 0
    for (; stops < 12; stops++) {
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10000 })
      if (/Mutating admission/.test(await current(page))) break
      await page.locator('body').press('Space')
    }
    assert(/Stage 3: Mutating admission/.test(await current(page)), `playback did not stop at mutating admission: ${await current(page)}`)
    assert(stops >= 5, `only ${stops} pauses before admission`)
    const card = await page.getByRole('region', { name: 'Current chapter' }).innerText()
    assert(/Mutating admission/.test(card) && /admission/i.test(card) && /paused at this chapter/.test(card), `narration: ${card}`)
    await page.screenshot({ path: `${root}test-results/story-paused-admission.png` })
    // → carries on from a chapter pause, to the next chapter.
    await page.locator('body').press('ArrowRight')
    await page.waitForFunction(() => !/Mutating admission/.test(document.querySelector('[aria-label="Story chapters"] [aria-current="step"]')?.getAttribute('aria-label') ?? ''), null, { timeout: 10000 })
    await context.close()
  })

  await test('story: ] and [ move by chapter, Home goes to the start; Story and Expert narration differ', async () => {
    const { page, context } = await applied()
    await page.locator('body').press(']')
    assert(/kubectl picks its credentials/.test(await current(page)), `after ]: ${await current(page)}`)
    await page.locator('body').press(']')
    await page.locator('body').press(']')
    assert(/Authentication/.test(await current(page)), `after three ]: ${await current(page)}`)
    await page.locator('body').press('[')
    assert(/kubectl sends the request/.test(await current(page)), `after [: ${await current(page)}`)
    await page.getByRole('navigation', { name: 'Story chapters' }).getByRole('button', { name: /Score: which node is best/ }).click()
    assert(/Score/.test(await current(page)), 'a click on a chapter did not go there')
    const card = page.getByRole('region', { name: 'Current chapter' })
    const story = await card.innerText()
    await page.getByRole('radiogroup', { name: 'Narration' }).getByRole('radio', { name: 'Expert' }).check()
    await page.waitForFunction((s) => document.querySelector('[aria-label="Current chapter"]')?.textContent !== s, story.replace(/\n/g, ''), { timeout: 5000 })
    const expert = await card.innerText()
    assert(expert !== story && /prioritizeNodes|NormalizeScore/.test(expert), `expert narration: ${expert}`)
    const inspector = await page.getByRole('complementary', { name: 'Inspector' }).innerText()
    assert(/upstream source/.test(inspector) || /upstream source/.test(expert), 'no link to the upstream source')
    await page.getByRole('radiogroup', { name: 'Narration' }).getByRole('radio', { name: 'Story' }).check()
    await page.evaluate(() => document.activeElement?.blur())
    await page.keyboard.press('Home')
    assert(await slider(page) === '0', `Home went to step ${await slider(page)}`)
    await context.close()
  })

  await test('glossary: a term in the narration shows its definition on focus; the Glossary page finds a term', async () => {
    const { page, context } = await applied()
    await page.getByRole('navigation', { name: 'Story chapters' }).getByRole('button', { name: /The write to etcd/ }).click()
    const card = page.getByRole('region', { name: 'Current chapter' })
    const term = card.getByRole('button', { name: 'etcd', exact: true }).first()
    await term.waitFor({ timeout: 5000 })
    await term.focus()
    const tip = page.getByRole('tooltip')
    await tip.waitFor({ state: 'visible', timeout: 5000 })
    const text = await tip.innerText()
    assert(/database|key-value|store/i.test(text) && /Kubernetes docs/.test(text), `definition: ${text}`)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Glossary', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Glossary' })
    await dialog.waitFor({ timeout: 5000 })
    await dialog.getByRole('searchbox').fill('veth')
    assert(/veth/i.test(await dialog.innerText()), 'the glossary does not find veth')
    await page.screenshot({ path: `${root}test-results/glossary.png` })
    await page.keyboard.press('Escape')
    await context.close()
  })

  for (const size of [{ name: '1280x720', viewport: { width: 1280, height: 720 }, scale: 1 }, { name: '1920x1080-at-150', viewport: { width: 1280, height: 720 }, scale: 1.5 }, { name: '1920x1080', viewport: { width: 1920, height: 1080 }, scale: 1 }]) {
    await test(`presenter mode at ${size.name}: every lane name and the caption at 20 px or more, nothing overflows`, async () => {
      const { page, context } = await applied(size.viewport, size.scale)
      const toggle = page.getByRole('button', { name: 'Presenter mode' })
      await toggle.click()
      assert(await toggle.getAttribute('aria-pressed') === 'true', 'the toggle is not pressed')
      await page.locator('body').press(']')
      await page.locator('body').press(']')
      await page.waitForTimeout(400)
      for (const lane of ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet', 'CRI', 'CNI']) {
        const name = page.getByRole('region', { name: lane, exact: true }).locator('.lane-name')
        assert(await name.isVisible(), `lane name ${lane} hidden`)
        const px = await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
        assert(px >= 20, `lane name ${lane} is ${px}px`)
        const box = await name.boundingBox()
        assert(box && box.y >= 0 && box.y + box.height <= size.viewport.height, `lane name ${lane} is off screen`)
      }
      const caption = page.locator('.chapter-card.caption')
      assert(await caption.isVisible(), 'no caption in presenter mode')
      const captionPx = await caption.locator('.chapter-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      assert(captionPx >= 20, `caption text is ${captionPx}px`)
      const cap = await caption.boundingBox()
      assert(cap && cap.y >= 0 && cap.y + cap.height <= size.viewport.height + 1, `the caption is off screen: ${JSON.stringify(cap)}`)
      const lanes = await page.locator('.swimlanes-track').boundingBox()
      assert(lanes && lanes.height >= size.viewport.height * 0.4, `the lanes take only ${lanes?.height}px of ${size.viewport.height}`)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 0, `horizontal overflow of ${overflow}px`)
      assert(!(await page.locator('.editor-pane').isVisible()), 'the editor is visible in presenter mode')
      await page.screenshot({ path: `${root}test-results/presenter-${size.name}.png` })
      await toggle.click()
      assert(await page.locator('.editor-pane').isVisible(), 'leaving presenter mode did not bring the editor back')
      await context.close()
    })
  }

  await test('lanes: at the sandbox call the CRI lane says what it waits for (the waits the story found as the steps streamed)', async () => {
    const { page, context } = await applied()
    const find = page.getByRole('searchbox', { name: 'Find a step' })
    await find.fill('cri:RunPodSandbox')
    await find.press('Enter')
    const cri = page.getByRole('region', { name: 'CRI', exact: true })
    const waiting = cri.locator('.lane-waiting')
    await waiting.waitFor({ timeout: 5000 })
    const said = await waiting.innerText()
    assert(said === 'waiting: sandbox and pause container', `the CRI lane head says "${said}"`)
    assert((await cri.locator('.visually-hidden').innerText()).endsWith('; waiting: sandbox and pause container'), 'screen readers are not told the wait')
    await context.close()
  })

  await test('keyboard: Tab from the header reaches Apply without changing the manifest', async () => {
    const { page, context } = await applied()
    const before = await page.evaluate(() => window.__podbirthEditor.getValue())
    await page.getByRole('button', { name: 'Presenter mode' }).focus()
    let reached = false
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Apply' && document.activeElement.tagName === 'BUTTON')
    }
    assert(reached, 'Tab never reached the Apply button')
    assert(await page.evaluate(() => window.__podbirthEditor.getValue()) === before, 'tabbing through changed the manifest')
    // Entering the editor with Enter makes Tab indent there; Escape leaves it again.
    await page.evaluate(() => window.__podbirthEditor.focus())
    await page.keyboard.press('Enter')
    assert(await page.evaluate(() => window.__podbirthEditor.getValue()) === before, 'Enter to edit typed a new line')
    assert(/Editing: Tab indents/.test(await page.locator('.editor-hint').innerText()), 'the hint does not say how to leave')
    await page.keyboard.press('Escape')
    assert(await page.evaluate(() => document.activeElement?.textContent) === 'Apply', 'Escape did not leave the editor')
    await context.close()
  })
}
