// End-to-end tests of pin and compare (issue #15): on the "Two workers, one busy" preset, two pods are applied and
// the run pinned; the cluster file gains a KubeSchedulerConfiguration with MostAllocated; after Apply the "Run
// comparison" names both strategies and lists the pods that moved to the busy worker; a shared link carries the pin.

import { pages } from './pages.mjs'

const PODS = ['one', 'two'].map((n) => `apiVersion: v1
kind: Pod
metadata:
  name: ${n}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 500m, memory: 256Mi}
`).join('---\n')

// tests/fixtures/most-allocated.yaml, as a second document of the cluster file.
const MOST_ALLOCATED = `---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - {name: cpu, weight: 1}
        - {name: memory, weight: 1}
`

/** compareTests runs with run.mjs's `test` and `assert`. */
export async function compareTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const runs = (page) => page.evaluate(() => Number(document.querySelector('.app')?.dataset.runs ?? 0))
  /** Clicks Apply and waits for the run to finish. */
  async function apply(page) {
    const before = await runs(page)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction((n) => {
      const app = document.querySelector('.app')
      return Number(app?.dataset.runs ?? 0) > n && app?.dataset.running === 'false'
    }, before, { timeout: 30000 })
  }
  const region = (page) => page.getByRole('region', { name: 'Run comparison' })
  /** Opens the comparison and waits for the worker's answer. */
  async function openComparison(page) {
    await page.getByRole('button', { name: 'Compare with pinned run' }).click()
    await region(page).waitFor({ timeout: 5000 })
    await page.getByRole('table', { name: 'Pods placed differently' }).waitFor({ timeout: 20000 })
  }
  const movedRows = (page) =>
    page.getByRole('table', { name: 'Pods placed differently' }).getByRole('row').allInnerTexts()

  const { page, context } = await fresh()
  let link = ''
  await test('compare: pin a run, switch to MostAllocated, and see the placement differences', async () => {
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), PODS)
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click()
    await page.getByRole('combobox', { name: 'Cluster preset' }).selectOption('two-nodes')
    await page.waitForFunction(() => window.__podbirthClusterEditor?.getValue().includes('name: worker-b'), null,
      { timeout: 10000 })
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    await apply(page)
    const pin = page.getByRole('button', { name: 'Pin this run' })
    await pin.click()
    const unpin = page.getByRole('button', { name: 'Unpin' })
    assert(await unpin.getAttribute('aria-pressed') === 'true', 'the pin button is not pressed once pinned')
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click()
    await page.waitForFunction(() => !!window.__podbirthClusterEditor, null, { timeout: 10000 })
    await page.evaluate((extra) => {
      const ed = window.__podbirthClusterEditor
      ed.setValue(ed.getValue() + extra)
    }, MOST_ALLOCATED)
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    await apply(page)
    await openComparison(page)
    const text = await region(page).innerText()
    assert(/A: pinned run[\s\S]*LeastAllocated/.test(text), `side A does not name LeastAllocated:\n${text}`)
    assert(/B: current run[\s\S]*MostAllocated/.test(text), `side B does not name MostAllocated:\n${text}`)
    const rows = await movedRows(page)
    assert(rows.some((r) => /default\/one\s+worker-a\s+worker-b/.test(r)),
      `no pod moved from worker-a to worker-b: ${rows.join(' | ')}`)
    const scores = await page.getByRole('table', { name: 'Score differences' }).innerText()
    assert(/worker-a[\s\S]*91 → 7/.test(scores), `NodeResourcesFit's difference on worker-a is missing:\n${scores}`)
    assert(/Why in A[\s\S]*worker-a/.test(text) && /Why in B[\s\S]*worker-b/.test(text), `the Why paragraphs:\n${text}`)
    // The whole view fits 1280 px: no horizontal scrolling.
    const overflow = await region(page).evaluate((el) => el.scrollWidth - el.clientWidth)
    assert(overflow <= 1, `the comparison scrolls sideways by ${overflow}px`)
    await page.screenshot({ path: `${root}tests/tmp/compare-1280-light.png` })
    await page.getByRole('button', { name: /^(Dark|Light) theme$/ }).click()
    await page.screenshot({ path: `${root}tests/tmp/compare-1280-dark.png` })
    await page.getByRole('button', { name: /^(Dark|Light) theme$/ }).click()
    // Another pod's scores.
    await page.getByRole('combobox', { name: 'Pod whose scores are compared' }).selectOption('default/two')
    await page.waitForFunction(() => /default\/two — worker-a in A, worker-b in B/.test(
      document.querySelector('[aria-label="Run comparison"]')?.textContent ?? ''), null, { timeout: 10000 })
    await page.keyboard.press('Escape')
    await region(page).waitFor({ state: 'detached', timeout: 5000 })
    assert(await page.getByRole('region', { name: 'Swimlanes' }).isVisible(), 'the lanes are not back after Esc')
    await page.locator('.editor-pane .controls').screenshot({ path: `${root}tests/tmp/compare-controls.png` })
  })

  await test('compare: a shared link carries the pin, and the pin survives a reload', async () => {
    await page.getByRole('button', { name: 'Copy link' }).click()
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'), null, { timeout: 5000 })
    link = await page.evaluate(() => location.href)
    assert(link.length < 4000, `the link is ${link.length} characters long`)
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    assert(await page.getByRole('button', { name: 'Unpin' }).count() === 1, 'the pin was lost on reload')
    // A reader with nothing pinned opens the link: the pin comes with it and the comparison shows the same moves.
    const other = await fresh()
    try {
      await other.page.evaluate((u) => { history.replaceState(null, '', u) }, link)
      await other.page.reload()
      await other.page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
      await other.page.getByRole('button', { name: 'Unpin' }).waitFor({ timeout: 5000 })
      await other.page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false'
        && Number(document.querySelector('.app')?.dataset.runs ?? 0) > 0, null, { timeout: 30000 })
      await openComparison(other.page)
      const rows = await movedRows(other.page)
      assert(rows.some((r) => /default\/one\s+worker-a\s+worker-b/.test(r)),
        `the link's comparison: ${rows.join(' | ')}`)
    } finally {
      await other.context.close()
    }
  })
  await context.close()
}
