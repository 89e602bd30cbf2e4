// End-to-end tests of the Quiz (predict, then see) and the Summary card at the end of the story. Each test opens its
// own page (run.mjs passes the harness); screenshots go to test-results/.

import { pages } from './pages.mjs'

/** quizTests runs the Quiz's and the Summary's tests with run.mjs's `test` and `assert`, in pages of their own. */
export async function quizTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { applied } = pages({ browser, ORIGIN, watch })
  /** Both themes: a screenshot in the one on screen, then in the other (and back). */
  const shots = async (page, name) => {
    await page.screenshot({ path: `${root}test-results/${name}.png` })
    await page.getByRole('button', { name: /theme$/ }).click()
    await page.screenshot({ path: `${root}test-results/${name}-${await page.evaluate(() => document.documentElement.dataset.theme)}.png` })
    await page.getByRole('button', { name: /theme$/ }).click()
  }
  const question = (page) => page.getByRole('region', { name: 'Quiz question' })
  /** Play until the Quiz stops with a question whose prompt matches, answering the ones before it right. */
  async function playTo(page, prompt) {
    // Chapter pauses (on in presenter mode) stop it too: play on through them.
    for (let stops = 0; stops < 40; stops++) {
      await page.getByRole('button', { name: 'Play', exact: true }).click()
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 15000 })
      const card = question(page)
      if (await card.count() === 0) continue
      const text = await card.innerText()
      if (prompt.test(text)) return
      // An earlier question: answer it (the happy path's pod is admitted) and play on.
      const yes = card.getByRole('button', { name: 'Yes, it is stored' })
      if (/admit/.test(text) && await yes.isEnabled()) await yes.click()
    }
    throw new Error(`the Quiz never asked ${prompt}`)
  }

  await test('quiz: the Quiz asks before the scheduler selects, accepts an answer and reveals the trace\'s choice', async () => {
    const { page, context } = await applied()
    const quiz = page.getByRole('switch', { name: 'Quiz' })
    assert(await quiz.getAttribute('aria-checked') === 'false', 'the Quiz is on before it was switched on')
    await quiz.click()
    assert(await quiz.getAttribute('aria-checked') === 'true', 'the Quiz switch did not turn on')
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await playTo(page, /Which node will the scheduler pick for default\/nginx\?/)
    const card = question(page)
    // Asked before the scheduler selects: the step at the playhead is not the Select yet.
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    assert(!/selected worker/.test(await inspector.innerText()), 'the inspector already shows the scheduler\'s choice')
    for (const node of ['worker-1', 'worker-2', 'control-plane']) {
      assert(await card.getByRole('button', { name: node, exact: true }).count() === 1, `no choice ${node}`)
    }
    await shots(page, 'quiz-question')
    // A wrong answer first: the tainted control plane. The reveal says why, names the trace's node and keeps score.
    await card.getByRole('button', { name: 'control-plane', exact: true }).click()
    const reveal = await card.getByRole('status').innerText()
    assert(/Not this time: worker-[12]/.test(reveal), `reveal: ${reveal}`)
    assert(/control-plane was filtered out: TaintToleration/.test(reveal), `no reason for the wrong answer: ${reveal}`)
    assert(/1 of 2 right/.test(reveal), `score: ${reveal}`)
    const chosen = /Not this time: (worker-[12])/.exec(reveal)[1]
    assert(await card.getByRole('button', { name: 'worker-1', exact: true }).isDisabled(), 'an answer can be changed')
    await shots(page, 'quiz-reveal')
    // "Show me" goes to the scheduler's Select, which names the same node.
    await card.getByRole('button', { name: 'Show me' }).click()
    await page.waitForFunction((n) => new RegExp(`selected ${n}`).test(document.querySelector('[aria-label="Inspector"]')?.textContent ?? ''), chosen, { timeout: 5000 })
    // The switch is kept across reloads; the score is the session's.
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    assert(await page.getByRole('switch', { name: 'Quiz' }).getAttribute('aria-checked') === 'true', 'the Quiz switch was not kept')
    await context.close()
  })

  await test('quiz: in presenter mode the question shows under the lanes at 20 px', async () => {
    const { page, context } = await applied({ width: 1920, height: 1080 })
    await page.getByRole('switch', { name: 'Quiz' }).click()
    await page.getByRole('button', { name: 'Presenter mode' }).click()
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await playTo(page, /Which IP address will default\/nginx get/)
    const card = question(page)
    assert(await card.count() === 1 && await card.isVisible(), 'no question under the lanes')
    const px = await card.locator('.quiz-choices button').first().evaluate((b) => parseFloat(getComputedStyle(b).fontSize))
    assert(px >= 20, `choices at ${px}px`)
    await card.getByRole('button', { name: '10.244.2.1' }).click()
    assert(/gateway/.test(await card.getByRole('status').innerText()), 'the gateway answer is not explained')
    await shots(page, 'quiz-presenter-1920x1080')
    await context.close()
  })

  await test('summary: the summary card appears at the end of the happy path with the node, the IP and the counts', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const { page, context } = await applied(viewport)
      assert(await page.getByRole('region', { name: 'Summary' }).count() === 0, 'the summary shows before the end')
      await page.locator('body').press('End')
      const card = page.getByRole('region', { name: 'Summary' })
      await card.waitFor({ timeout: 5000 })
      const text = await card.innerText()
      const m = /Running and Ready on (worker-[12]) with IP (10\.244\.\d+\.\d+)/.exec(text)
      assert(m, `summary outcome: ${text}`)
      // The same node and IP as kubectl get pods -o wide at the end.
      await page.waitForFunction(() => /Running/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
      const wide = await page.getByLabel('Cluster at the playhead').innerText()
      assert(wide.includes(m[1]) && wide.includes(m[2]), `kubectl get pods -o wide disagrees: ${wide}`)
      for (const stage of ['The manifest', 'kubectl', 'The API server', 'The scheduler', 'The node', 'Total']) {
        assert(new RegExp(`${stage}\\s+\\d+\\.\\d{3}s`).test(text), `no time for ${stage}: ${text}`)
      }
      assert(/API requests\s+\d+/.test(text) && /etcd writes\s+\d+/.test(text), `no counts: ${text}`)
      for (const reason of ['Scheduled', 'Pulled', 'Created', 'Started']) assert(text.includes(reason), `no Event ${reason}`)
      await card.scrollIntoViewIfNeeded()
      await shots(page, `summary-${viewport.width}x${viewport.height}`)
      // Presenter mode: the summary under the lanes.
      await page.getByRole('button', { name: 'Presenter mode' }).click()
      await page.getByRole('region', { name: 'Summary' }).waitFor({ timeout: 5000 })
      await shots(page, `summary-presenter-${viewport.width}x${viewport.height}`)
      await context.close()
    }
  })
}
