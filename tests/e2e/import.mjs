// End-to-end tests of importing a real cluster into the Cluster tab: the 54-node fixture (what `kubectl get
// nodes,pods -A -o yaml` prints) pasted into the cluster editor, a pod applied and scheduled among its nodes; a file
// dropped on the editor; the editor widened and narrowed (Esc); an invalid KubeSchedulerConfiguration marked at its
// line with kube-scheduler's error under a configuration-error title. Pages of their own, light and dark.

import { readFileSync } from 'node:fs'
import { pages, EXAMPLE } from './pages.mjs'

const BAD_CONFIG = `apiVersion: v1
kind: Node
metadata:
  name: worker-1
spec:
  podCIDR: 10.244.1.0/24
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  plugins:
    filter:
      enabled:
      - name: PrioritySort
`
const BAD_LINE = 17

/** importTests runs with run.mjs's `test` and `assert`. */
export async function importTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const fixture = readFileSync(`${root}tests/fixtures/real-cluster/get-nodes-pods.yaml`, 'utf8')
  const nodesOnly = readFileSync(`${root}tests/fixtures/real-cluster/get-nodes.yaml`, 'utf8')
  const shots = `${root}tests/tmp`

  async function openCluster(page) {
    await page.getByRole('tab', { name: 'Cluster' }).click()
    await page.waitForFunction(() => !!window.__podbirthClusterEditor, null, { timeout: 20000 })
  }
  /** paste: a real paste event on Monaco's input, over the whole text (select all first). */
  async function paste(page, text) {
    await page.evaluate((t) => {
      const ed = window.__podbirthClusterEditor
      ed.focus()
      ed.setSelection(ed.getModel().getFullModelRange())
      const input = document.querySelector('.cluster-editor-host textarea')
      const data = new DataTransfer()
      data.setData('text/plain', t)
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
    await page.waitForFunction((n) => window.__podbirthClusterEditor.getValue().length === n, text.length,
      { timeout: 20000 })
  }
  async function applyExample(page) {
    await page.getByRole('tab', { name: 'Pod manifest' }).click()
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
    const runs = Number(await page.evaluate(() => document.querySelector('.app')?.dataset.runs ?? '0'))
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction((n) => Number(document.querySelector('.app')?.dataset.runs) > n
      && document.querySelector('.app')?.dataset.running === 'false', runs, { timeout: 90000 })
  }

  const { page, context } = await fresh()
  await test('import: kubectl get nodes,pods -A -o yaml pasted into the Cluster tab; a new pod schedules', async () => {
    await openCluster(page)
    await paste(page, fixture)
    await applyExample(page)
    const out = await page.getByLabel('kubectl output').innerText()
    assert(out.includes('pod/nginx created'), `kubectl output: ${out}`)
    assert(/nginx\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+worker-[abc]-\d\d\b/.test(out),
      `the pod is not Running on an imported worker:\n${out}`)
    await page.getByRole('tab', { name: 'Cluster' }).click()
    const status = await page.getByRole('status', { name: 'Active scheduler profile' }).innerText()
    assert(/profile default-scheduler, scoring strategy LeastAllocated/.test(status), `scheduler line: ${status}`)
    await page.screenshot({ path: `${shots}/import-light.png` })
  })

  await test('import: Widen editor gives the cluster editor the full width; Esc narrows it again', async () => {
    const widen = page.getByRole('button', { name: 'Widen editor' })
    await widen.click()
    await page.waitForFunction(() => document.querySelector('main')?.dataset.editorWide === 'true', null,
      { timeout: 3000 })
    const box = await page.locator('.editor-pane').boundingBox()
    assert(box && box.width > 1100, `the editor pane is ${box?.width} px wide`)
    assert(!(await page.getByRole('region', { name: 'Swimlanes' }).isVisible()), 'the swimlanes still show')
    await page.screenshot({ path: `${shots}/import-wide-light.png` })
    await page.getByRole('button', { name: 'Narrow editor' }).focus()
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector('main')?.dataset.editorWide === undefined, null,
      { timeout: 3000 })
    assert(await page.getByRole('button', { name: 'Widen editor' }).isVisible(), 'no Widen editor button after Esc')
    assert(await page.getByRole('region', { name: 'Swimlanes' }).isVisible(), 'the swimlanes did not come back')
  })

  await test('import: a file dropped on the cluster editor replaces its text (kubectl get nodes -o yaml)', async () => {
    await page.evaluate(({ text }) => {
      const file = new File([text], 'nodes.yaml', { type: 'application/yaml' })
      const data = new DataTransfer()
      data.items.add(file)
      const target = document.querySelector('.cluster-editor-host .view-lines')
        ?? document.querySelector('.cluster-editor-host')
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, { text: nodesOnly })
    await page.waitForFunction((n) => window.__podbirthClusterEditor.getValue().length === n, nodesOnly.length,
      { timeout: 20000 })
    const preset = await page.getByRole('combobox', { name: /^Cluster preset/ }).inputValue()
    assert(preset === 'custom', `the preset after a drop is ${preset}`)
  })
  await context.close()

  const dark = await fresh('/', { colorScheme: 'dark' })
  await test('import: an invalid KubeSchedulerConfiguration is a configuration error marked at its line', async () => {
    const p = dark.page
    await openCluster(p)
    await p.evaluate((t) => window.__podbirthClusterEditor.setValue(t), BAD_CONFIG)
    await applyExample(p)
    await p.getByRole('tab', { name: 'Cluster' }).click()
    const alert = p.getByRole('alert', { name: 'Scheduler configuration error' })
    await alert.waitFor({ timeout: 10000 })
    const text = await alert.innerText()
    const message = 'initializing profiles: creating profile for scheduler name default-scheduler: '
      + 'plugin "PrioritySort" does not extend FilterPlugin plugin'
    assert(text.includes(message), `the error box says: ${text}`)
    assert(!text.includes('FailedScheduling'), 'the configuration error is titled FailedScheduling')
    const markers = await p.evaluate(() => window.__monaco.editor.getModelMarkers({ owner: 'kube-scheduler' })
      .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })))
    assert(markers.length === 1 && markers[0].line === BAD_LINE && markers[0].column === 15,
      `markers: ${JSON.stringify(markers)}`)
    assert(markers[0].message.includes(message), `the marker says: ${markers[0].message}`)
    await p.screenshot({ path: `${shots}/import-config-error-dark.png` })
  })
  await dark.context.close()
}
