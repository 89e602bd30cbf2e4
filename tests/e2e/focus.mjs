// End-to-end tests of the scheduling debugger's breakpoints and focus (issue #15) and the lanes' colour by owner
// (issue #14): a FailedScheduling breakpoint stops playback at that step and says so; focusing a node from the
// inspector filters the log to that node's steps (its kubelet, CRI and CNI among them); colour by owner on a
// Deployment shows its ReplicaSet in the legend, and clicking it focuses. Pages of their own.

import { mkdirSync } from 'node:fs'
import { pages } from './pages.mjs'

/** focusTests runs with run.mjs's `test` and `assert`. */
export async function focusTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const shots = `${root}tests/tmp/`
  mkdirSync(shots, { recursive: true })
  const told = (page) => page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false' && !!document.querySelector('[aria-label="Story chapters"]'), null, { timeout: 30000 })
  const inspector = (page) => page.getByRole('complementary', { name: 'Inspector' })
  /**
   * Every row of the focused (virtualised) log, from top to bottom: [{ step, lane, node, text }]. Home puts the
   * playhead on the first step, which a focused log hides, so the log stops following it and can be scrolled.
   */
  async function allLogRows(page) {
    await page.evaluate(() => document.activeElement?.blur())
    await page.keyboard.press('Home')
    return page.evaluate(async () => {
      const box = document.querySelector('[aria-label="Events"]')
      const seen = new Map()
      const frame = () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 30))
      await new Promise((r) => setTimeout(r, 600))
      for (let top = 0; ; top += 96) {
        box.scrollTop = top
        await frame()
        for (const li of box.querySelectorAll('li[data-step]')) {
          seen.set(Number(li.dataset.step), { step: Number(li.dataset.step), lane: li.dataset.lane, node: li.dataset.node ?? '', text: li.textContent })
        }
        if (top + box.clientHeight >= box.scrollHeight) break
      }
      return [...seen.values()].sort((a, b) => a.step - b.step)
    })
  }

  await test('focus: a FailedScheduling breakpoint stops playback at that step and says which breakpoint stopped it', async () => {
    const { page, context } = await fresh('/#scenario=too-big')
    await told(page)
    await page.getByRole('button', { name: /^Breakpoints/ }).click()
    const panel = page.getByRole('dialog', { name: 'Breakpoints' })
    await panel.getByRole('combobox', { name: /Stop when/ }).selectOption('failedScheduling')
    await panel.getByRole('button', { name: 'Add breakpoint' }).click()
    assert(await panel.getByRole('checkbox', { name: 'any FailedScheduling' }).isChecked(), 'the breakpoint is not listed, enabled')
    await page.screenshot({ path: `${shots}focus-breakpoints-panel.png` })
    await panel.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 30000 })
    const status = await page.locator('.breakpoint-stop').innerText()
    const m = /^Stopped at step (\d+): any FailedScheduling$/.exec(status)
    assert(m, `no "stopped by" line: ${status}`)
    const slider = page.getByRole('slider')
    assert(Number(await slider.inputValue()) === Number(m[1]) - 1, `the playhead (${await slider.inputValue()}) is not at the step the status names (${m[1]})`)
    assert(Number(await slider.inputValue()) < Number(await slider.getAttribute('max')), 'playback ran to the end')
    await page.waitForFunction(() => /kube-scheduler/.test(document.querySelector('[aria-label="Inspector"] .meta')?.textContent ?? ''), null, { timeout: 5000 })
    const title = await inspector(page).locator('h2').innerText()
    assert(/FailedScheduling|0\/\d+ nodes are available/.test(title), `the step stopped at is not the FailedScheduling: ${title}`)
    await page.screenshot({ path: `${shots}focus-breakpoint-stopped.png` })
    await context.close()
  })

  await test('focus: focusing a node from the inspector filters the log to that node\'s steps (its kubelet, CRI and CNI)', async () => {
    const { page, context } = await fresh('/#scenario=hello-nginx')
    await told(page)
    // A step of the kubelet (the find box's next match after the start): the inspector offers its node.
    const find = page.getByRole('searchbox', { name: 'Find a step' })
    await find.fill('kubelet:SyncPod')
    await find.press('Enter')
    const focusButton = inspector(page).getByRole('button', { name: /^Focus on this node \((.+)\)$/ })
    await focusButton.waitFor({ timeout: 5000 })
    const node = /\((.+)\)$/.exec(await focusButton.innerText())[1]
    await find.fill('')
    await focusButton.click()
    const chip = page.locator('.focus-chip')
    await chip.waitFor({ timeout: 5000 })
    const said = /^Focused on node (\S+) · (\d+) steps/.exec(await chip.innerText())
    assert(said && said[1] === node, `the chip says: ${await chip.innerText()}`)
    const rows = await allLogRows(page)
    assert(rows.length === Number(said[2]), `the log lists ${rows.length} steps, the chip says ${said[2]}`)
    const total = Number(await page.getByRole('log', { name: 'Events' }).getAttribute('data-steps'))
    assert(rows.length > 0 && rows.length < total, `the log was not filtered: ${rows.length} of ${total} steps`)
    const stray = rows.filter((r) => r.node !== node && !(r.lane === 'kube-scheduler' && r.text.includes(node)))
    assert(stray.length === 0, `rows about something else: ${stray.slice(0, 3).map((r) => r.text).join(' | ')}`)
    for (const lane of ['kubelet', 'CRI', 'CNI']) assert(rows.some((r) => r.lane === lane), `no ${lane} row in the focused log`)
    assert(rows.some((r) => r.lane === 'kube-scheduler'), 'the scheduler\'s binding to the node is not listed')
    // The find box finds the same steps by the node's name.
    await find.fill(`node:${node}`)
    const count = await page.locator('.find-count').innerText()
    assert(new RegExp(`\\b${rows.length} matching steps`).test(count), `find by node says: ${count}; the focused log has ${rows.length}`)
    await find.fill('')
    for (const [w, h] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width: w, height: h })
      await chip.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${shots}focus-node-${w}x${h}-light.png` })
    }
    await page.getByRole('button', { name: 'Dark theme' }).click()
    for (const [w, h] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width: w, height: h })
      await chip.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${shots}focus-node-${w}x${h}-dark.png` })
    }
    await page.getByRole('button', { name: `Stop focusing on node ${node}` }).click()
    assert(await chip.count() === 0, 'the chip stays after ✕')
    assert(Number(await page.locator('[aria-label="Events"] .log-spacer').evaluate((el) => el.offsetHeight)) > rows.length * 16, 'the log is not whole again after ✕')
    await context.close()
  })

  await test('focus: colour by owner on a Deployment lists its ReplicaSet in the legend; clicking it focuses', async () => {
    const { page, context } = await fresh('/#scenario=deployment-rollout')
    await told(page)
    await page.getByRole('combobox', { name: 'Colour by (lanes)' }).selectOption('owner')
    const legend = page.getByRole('list', { name: 'Owners and their colours' })
    await legend.waitFor({ timeout: 5000 })
    const entry = legend.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+: (web-[a-z0-9]+-[a-z0-9]{5}(, )?){3}$/ })
    assert(await entry.count() === 1, `the legend does not list the ReplicaSet and its 3 pods: ${await legend.innerText()}`)
    for (const [w, h] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width: w, height: h })
      await legend.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${shots}focus-owner-${w}x${h}-light.png` })
    }
    await entry.click()
    const chip = page.locator('.focus-chip')
    await chip.waitFor({ timeout: 5000 })
    assert(/^Focused on ReplicaSet web-/.test(await chip.innerText()), `the chip says: ${await chip.innerText()}`)
    await page.getByRole('button', { name: 'Dark theme' }).click()
    for (const [w, h] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width: w, height: h })
      await legend.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${shots}focus-owner-${w}x${h}-dark.png` })
    }
    await context.close()
  })
}
