#!/usr/bin/env node
// End-to-end tests: the production build (dist/) served by `vite preview` on 127.0.0.1, driven in Debian's
// Chromium with playwright-core. Any request to anything but the local server fails the run.
// Prints `N passed, N failed` and exits non-zero on failure. Screenshots go to test-results/ (git-ignored).
import { startPreview } from './preview.mjs'
import { storyTests } from './story.mjs'
import { scenarioTests } from './scenarios.mjs'
import { tourTests } from './tour.mjs'
import { quizTests } from './quiz.mjs'
import { hardeningTests } from './hardening.mjs'
import { editorHardeningTests } from './editor-hardening.mjs'
import { hostileInputTests } from './hostile-input.mjs'
import { cspTests } from './csp.mjs'
import { consoleTests } from './console.mjs'
import { focusTests } from './focus.mjs'
import { mapTests } from './map.mjs'
import { viewTests } from './view.mjs'
import { importTests } from './import.mjs'
import { whatifTests } from './whatif.mjs'
import { compareTests } from './compare.mjs'
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const PORT = Number(process.env.E2E_PORT ?? 4179)
// E2E_OUT_DIR serves another build (helpers build into dist-NAME so they never share dist/); E2E_ONLY=story,console
// runs only those groups ('main' is the tests in this file).
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist'
const ONLY = process.env.E2E_ONLY?.split(',')
let group = 'main'
const ORIGIN = `http://127.0.0.1:${PORT}`
const root = new URL('../..', import.meta.url).pathname
mkdirSync(`${root}test-results`, { recursive: true })

const results = []
/** The main page, for a screenshot when a test fails. */
let pageForShots
async function test(name, fn) {
  if (ONLY && !ONLY.includes(group) && !name.startsWith('no request left')) return
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`ok   ${name}`)
  } catch (e) {
    // What the page looked like when the test failed: the first thing to look at.
    await pageForShots?.screenshot({ path: `${root}test-results/failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png` }).catch(() => {})
    results.push({ name, ok: false })
    console.log(`FAIL ${name}\n     ${String(e?.message ?? e).split('\n').join('\n     ')}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }

const { server, ready } = startPreview(root, PORT, OUT_DIR)
let browser
try {
  await ready
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  pageForShots = page
  const offsite = []
  const consoleErrors = []
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) offsite.push(u) })
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  const getText = () => page.evaluate(() => window.__podbirthEditor.getValue())
  const setText = (t) => page.evaluate((x) => window.__podbirthEditor.setValue(x), t)
  // The panels follow the playhead a few times a second: wait until they show the slider's step.
  const settled = () => page.waitForFunction(() => document.querySelector('[role="log"]')?.getAttribute('data-selected') === document.querySelector('input[type=range]')?.value, null, { timeout: 5000 })

  await test('the app loads with the example pod and seven named lanes', async () => {
    await page.goto(ORIGIN)
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    assert((await getText()).includes('image: nginx:1.27'), 'editor is not prefilled with the example pod')
    assert(await page.getByRole('textbox', { name: 'Pod manifest' }).count() >= 1, 'no textbox named "Pod manifest"')
    for (const lane of ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet', 'CRI', 'CNI']) {
      assert(await page.getByRole('region', { name: lane, exact: true }).count() === 1, `no region named ${lane}`)
    }
  })

  await test('Apply: the pod reaches Running with steps in all seven lanes', async () => {
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.getByLabel('kubectl output').waitFor({ timeout: 15000 })
    const out = await page.getByLabel('kubectl output').innerText()
    assert(out.includes('pod/nginx created'), `kubectl output: ${out}`)
    assert(/nginx\s+1\/1\s+Running/.test(out), `not Running: ${out}`)
    // The story starts at its beginning; End goes to its last step, where the pod is Running.
    assert(await page.getByRole('slider').inputValue() === '0', 'a new story does not start at its first step')
    await page.keyboard.press('End')
    await page.waitForFunction(() => document.querySelector('input[type=range]')?.value === document.querySelector('input[type=range]')?.max)
    for (const lane of ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet', 'CRI', 'CNI']) {
      const n = Number(await page.getByRole('region', { name: lane, exact: true }).getAttribute('data-steps'))
      assert(n > 0, `no steps in lane ${lane}`)
      assert(/^\d+ steps; at the playhead: /.test(await page.getByRole('region', { name: lane, exact: true }).locator('.visually-hidden').textContent()), `lane ${lane} does not describe its steps`)
    }
    assert(Number(await page.getByRole('log').getAttribute('data-steps')) > 50, 'event log is nearly empty')
    assert(await page.getByRole('log').getByRole('listitem').count() >= 9, 'the event log shows fewer than 9 rows')
    await page.screenshot({ path: `${root}test-results/running.png` })
  })

  await test('the editor validates against the v1 Pod schema: unknown fields, wrong types, enum values', async () => {
    const original = await getText()
    await setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: app\n    imagee: nginx\n    ports:\n    - containerPort: eighty\n')
    await page.waitForFunction(() => window.__monaco.editor.getModelMarkers({ owner: 'yaml' }).length >= 3, null, { timeout: 15000 })
    const markers = await page.evaluate(() => window.__monaco.editor.getModelMarkers({ owner: 'yaml' }).map((m) => `${m.startLineNumber}: ${m.message}`))
    assert(markers.some((m) => m.startsWith('6:') && m.includes('Always')), `no enum marker on line 6: ${markers.join(' | ')}`)
    assert(markers.some((m) => m.startsWith('9:')), `no unknown-field marker on line 9: ${markers.join(' | ')}`)
    assert(markers.some((m) => m.startsWith('11:')), `no type marker on line 11: ${markers.join(' | ')}`)
    await page.screenshot({ path: `${root}test-results/schema-markers.png` })
    await setText(original)
  })

  await test('the editor completes fields and shows the API documentation on hover', async () => {
    const original = await getText()
    await setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n    image: nginx\n    imagePull\n')
    await page.evaluate(() => { const ed = window.__podbirthEditor; ed.focus(); ed.setPosition({ lineNumber: 8, column: 6 }); ed.trigger('test', 'editor.action.showHover', null) })
    await page.waitForFunction(() => /Container image name/.test(document.querySelector('.monaco-hover')?.textContent ?? ''), null, { timeout: 15000 })
    await page.evaluate(() => { const ed = window.__podbirthEditor; ed.setPosition({ lineNumber: 9, column: 14 }); ed.trigger('test', 'editor.action.triggerSuggest', null) })
    await page.waitForFunction(() => /imagePullPolicy/.test(document.querySelector('.suggest-widget')?.textContent ?? ''), null, { timeout: 15000 })
    await page.screenshot({ path: `${root}test-results/completion.png` })
    await page.keyboard.press('Escape')
    await setText(original)
  })

  await test('Step back and Step forward move the selection and the inspector follows', async () => {
    const title = () => page.getByRole('complementary', { name: 'Inspector' }).locator('h2').innerText()
    const last = await title()
    await page.getByRole('button', { name: 'Step back', exact: true }).click()
    await settled()
    const prev = await title()
    assert(prev !== last, 'inspector did not change on Step back')
    await page.getByRole('button', { name: 'Step forward', exact: true }).click()
    await settled()
    assert(await title() === last, 'Step forward did not return to the last step')
  })

  await test('the cluster at the playhead follows the selection (step back restores the earlier state)', async () => {
    const view = page.getByLabel('Cluster at the playhead')
    await page.waitForFunction(() => /nginx\s+1\/1\s+Running/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
    const slider = page.getByRole('slider')
    // The log shows a window of steps around the playhead: move through the story until kubectl's step is in it.
    let idx = -1
    const max = Number(await slider.getAttribute('max'))
    for (let base = 0; idx < 0 && base <= max; base += 8) {
      await slider.fill(String(base))
      await page.waitForFunction((b) => document.querySelector('[role="log"]')?.getAttribute('data-selected') === String(b), base)
      // A row names its step (data-step): chapter headings are rows too, so counting rows would land elsewhere.
      idx = await page.evaluate(() => {
        const li = [...document.querySelectorAll('[role="log"] li[data-step]')].find((x) => (x.textContent ?? '').includes('pod/nginx created'))
        return li ? Number(li.getAttribute('data-step')) : -1
      })
    }
    assert(idx > 0, 'no kubectl output step in the log')
    await slider.fill(String(idx))
    await page.waitForFunction(() => /nginx\s+0\/1\s+Pending/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
    const text = await view.innerText()
    assert(/nginx\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/.test(text), `expected an unscheduled Pending pod: ${text}`)
    // The inspector shows the pod as stored at that moment (kubectl get pod -o yaml): not bound yet.
    const stored = page.getByRole('complementary', { name: 'Inspector' }).locator('details.stored')
    await stored.locator('summary').click()
    const yaml = await stored.locator('pre').innerText()
    assert(yaml.includes('$ kubectl get pod nginx -o yaml') && yaml.includes('phase: Pending') && !yaml.includes('nodeName:') && !yaml.includes('managedFields'), `stored pod: ${yaml}`)
    await page.screenshot({ path: `${root}test-results/playhead-pending.png` })
    await slider.fill(await slider.getAttribute('max'))
    await page.waitForFunction(() => /Running/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
  })

  await test('the nodes at the playhead and what an etcd write changed (a Monaco diff)', async () => {
    const slider = page.getByRole('slider')
    await slider.fill(await slider.getAttribute('max'))
    const nodes = page.getByRole('region', { name: 'Nodes at the playhead' })
    await page.waitForFunction(() => /default\/nginx/.test(document.querySelector('[aria-label="Nodes at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
    assert(/worker-\d[\s\S]*100m/.test(await nodes.innerText()), `no cpu request on a worker: ${await nodes.innerText()}`)
    await slider.fill('0')
    await page.getByRole('button', { name: 'Next etcd step', exact: true }).click()
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await inspector.getByText('What this write changed: ADDED Pod default/nginx').waitFor({ timeout: 10000 })
    await inspector.locator('.monaco-diff-editor').waitFor({ timeout: 20000 })
    await page.screenshot({ path: `${root}test-results/diff.png` })
  })

  await test('the inspector shows a step\'s HTTP request and response', async () => {
    await page.getByRole('slider').fill('0')
    await page.getByRole('log').getByRole('button', { name: /kubectl: POST \/api\/v1\/namespaces\/default\/pods/ }).first().click()
    const req = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Request' })
    await req.waitFor({ timeout: 5000 })
    const text = await req.innerText()
    assert(text.includes('POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply'), `request line: ${text}`)
    assert(text.includes('client certificate: CN=kubernetes-admin,O=kubeadm:cluster-admins'), `client certificate: ${text}`)
  })

  await test('jump to the next step of a chosen lane; switch the theme', async () => {
    await page.getByRole('slider').fill('0')
    await page.getByRole('button', { name: 'Next CNI step', exact: true }).click()
    await settled()
    const meta = await page.getByRole('complementary', { name: 'Inspector' }).locator('.meta').innerText()
    assert(meta.includes('CNI'), `the inspector is not on a CNI step: ${meta}`)
    const before = await page.evaluate(() => document.documentElement.dataset.theme)
    await page.getByRole('button', { name: /theme$/ }).click()
    const after = await page.evaluate(() => document.documentElement.dataset.theme)
    assert(before !== after && (after === 'dark' || after === 'light'), `theme did not switch: ${before} → ${after}`)
    await page.screenshot({ path: `${root}test-results/theme-${after}.png` })
    await page.getByRole('button', { name: /theme$/ }).click()
  })

  await test('click a step on the lanes to go there', async () => {
    const slider = page.getByRole('slider')
    await slider.fill('40')
    await settled()
    const meta = () => page.getByRole('complementary', { name: 'Inspector' }).locator('.meta').innerText()
    const before = await meta()
    const lane = before.split(' · ')[1]
    // Stepping through the story draws the arrows it reaches (motion paths over the canvas)...
    await slider.fill('0')
    for (let k = 0; k < 12; k++) await page.getByRole('button', { name: 'Step forward', exact: true }).click()
    assert(await page.locator('.swimlanes-arrows path.arrow').count() > 0, 'no arrow drawn between lanes while stepping')
    // ...and after a jump they are painted on the canvas instead.
    await slider.fill('40')
    await settled()
    assert(await page.locator('.swimlanes-arrows path.arrow').count() === 0, 'arrows animated after a jump')
    const x = Number(await page.locator('.swimlanes-canvas').getAttribute('data-playhead-x'))
    const box = await page.locator('.swimlanes-canvas').boundingBox()
    const laneBox = await page.getByRole('region', { name: lane, exact: true }).boundingBox()
    for (let k = 0; k < 5; k++) await page.getByRole('button', { name: 'Step forward', exact: true }).click()
    await settled()
    assert(await meta() !== before || Number(await slider.inputValue()) === 45, 'Step forward did not move')
    await page.mouse.click(box.x + x, laneBox.y + laneBox.height / 2)
    await settled()
    const after = await meta()
    // Steps closer than a pixel are one dot: the click lands on a step of the same lane at the same instant.
    assert(after.split(' · ').slice(0, 2).join(' · ') === before.split(' · ').slice(0, 2).join(' · '), `clicked ${lane} at ${x}px: ${after} (expected ${before})`)
  })

  await test('Play and Pause replay the story in virtual time; Space toggles', async () => {
    const title = () => page.getByRole('complementary', { name: 'Inspector' }).locator('h2').innerText()
    await page.getByLabel('Speed').selectOption('0.25')
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 5000 })
    await page.waitForTimeout(300)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await settled()
    const paused = await title()
    const idx = Number(await page.getByRole('slider').inputValue())
    assert(idx > 0, `playback did not advance (index ${idx})`)
    await page.waitForTimeout(300)
    assert(await title() === paused, 'playback went on after Pause')
    await page.locator('header h1').click()
    await page.keyboard.press(' ')
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 5000 })
    await page.keyboard.press(' ')
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 5000 })
  })

  await test('broken YAML is refused with kubectl\'s message and the line', async () => {
    await setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('[aria-label="kubectl output"]')?.textContent?.includes('error parsing'), null, { timeout: 10000 })
    const out = await page.getByLabel('kubectl output').innerText()
    assert(out.includes('yaml: line 4: mapping values are not allowed in this context'), out)
    const kubectlMarkers = await page.evaluate(() => window.__monaco.editor.getModelMarkers({ owner: 'kubectl' }).map((m) => m.startLineNumber))
    assert(kubectlMarkers.includes(4), `no kubectl marker on line 4: ${kubectlMarkers}`)
  })

  await test('an unschedulable pod shows FailedScheduling with its message', async () => {
    await setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "64"\n')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('[aria-label="kubectl output"]')?.textContent?.includes('pod/huge created'), null, { timeout: 10000 })
    // The log follows the playhead: go back to the scheduler's first verdict and find it in the log.
    await page.getByRole('slider').fill('0')
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Next kube-scheduler step', exact: true }).click()
    await page.getByRole('log').getByRole('button', { name: /kube-scheduler: 0\/3 nodes are available/ }).first().waitFor({ timeout: 5000 }).catch(() => {})
    for (let k = 0; k < 12 && !(await page.getByRole('log').innerText()).includes('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.'); k++) {
      await page.getByRole('button', { name: 'Next kube-scheduler step', exact: true }).click()
      await page.waitForTimeout(120)
    }
    const log = await page.getByRole('log').innerText()
    assert(log.includes('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.'), 'FailedScheduling message missing from the log')
    await page.getByRole('log').getByRole('button', { name: /kube-scheduler: 0\/3 nodes are available/ }).first().click()
    const banner = page.getByRole('alert', { name: 'FailedScheduling' })
    await banner.waitFor({ timeout: 5000 })
    assert((await banner.innerText()).includes('2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'), 'FailedScheduling banner without the message')
    await banner.getByRole('button', { name: 'Show the filter results per node' }).click()
    const table = await page.getByRole('table', { name: 'Filter results per node' }).innerText()
    assert(/worker-1[\s\S]*NodeResourcesFit: Insufficient cpu/.test(table), `filter table: ${table}`)
    assert(/control-plane[\s\S]*TaintToleration: node\(s\) had untolerated taint\(s\)/.test(table), `filter table: ${table}`)
    await page.screenshot({ path: `${root}test-results/failed-scheduling.png` })
    // What would make it schedule: podbirth suggests edits computed from the verdicts; trying one re-runs everything.
    await page.getByRole('log').getByRole('button', { name: /kube-scheduler: 0\/3 nodes are available/ }).first().click()
    await settled()
    // The scheduling queue at that moment: the pod waits among the unschedulable pods for its rejecting plugins.
    const queue = await page.getByRole('region', { name: 'Scheduling queue at the playhead' }).innerText()
    assert(/unschedulable\s*1[\s\S]*default\/huge \(waits on NodeResourcesFit, TaintToleration\)/.test(queue), `queue: ${queue}`)
    const fixes = page.getByRole('region', { name: 'What would make it schedule' })
    await fixes.waitFor({ timeout: 10000 })
    const titles = await fixes.locator('li strong').allInnerTexts()
    // Verified before offered: tolerating the taint cannot help a 64-CPU pod (the control plane is too small).
    assert(!titles.includes('Tolerate the taint node-role.kubernetes.io/control-plane:NoSchedule'), `suggestions: ${titles.join(' | ')}`)
    const request = titles.find((t) => /^Request \d+m cpu \(what worker-\d has free\)$/.test(t))
    assert(request, `no request suggestion: ${titles.join(' | ')}`)
    await page.screenshot({ path: `${root}test-results/what-if.png` })
    await fixes.getByRole('button', { name: `Try it: ${request}` }).click()
    await page.waitForFunction(() => /huge\s+1\/1\s+Running/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    const cpu = /(\d+)m cpu/.exec(request)[1]
    assert(new RegExp(`cpu: "?${cpu}m"?\n`).test(await getText()), `the manifest does not carry the suggested request: ${await getText()}`)
    await page.evaluate(() => { window.__podbirthEditor.focus(); window.__podbirthEditor.trigger('test', 'undo', null) })
    assert((await getText()).includes('cpu: "64"'), 'Undo did not bring the original request back')
    // Back to the unschedulable story for the next tests.
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /huge\s+0\/1\s+Pending/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
  })

  await test('find a step: Enter goes to the next match, the inspector follows', async () => {
    await page.getByRole('slider').fill('0')
    await page.locator('header h1').click()
    await page.keyboard.press('/')
    assert(await page.evaluate(() => document.activeElement?.id) === 'find-step', '"/" did not focus the find box')
    await page.keyboard.type('nodes are available')
    await page.keyboard.press('Enter')
    await settled()
    const h2 = await page.getByRole('complementary', { name: 'Inspector' }).locator('h2').innerText()
    assert(h2.includes('0/3 nodes are available'), `inspector: ${h2}`)
    const count = await page.locator('.find-count').innerText()
    assert(/^1 of \d+ matching steps$/.test(count), `count: ${count}`)
    await page.getByRole('searchbox', { name: 'Find a step' }).fill('no such step anywhere')
    assert(await page.locator('.find-count').innerText() === 'no step matches', 'no-match message')
    await page.getByRole('searchbox', { name: 'Find a step' }).fill('')
  })

  await test('the editor text survives a reload', async () => {
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    const v = await getText()
    assert(v.includes('name: huge'), 'editor text was lost on reload')
  })

  // The Cluster tab: presets, a broken cluster file, persistence, and nothing the user typed lost.
  const getCluster = () => page.evaluate(() => window.__podbirthClusterEditor.getValue())
  const setCluster = (t) => page.evaluate((x) => window.__podbirthClusterEditor.setValue(x), t)
  const EXAMPLE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'
  const showClusterTab = async () => {
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click()
    await page.waitForFunction(() => !!window.__podbirthClusterEditor, null, { timeout: 20000 })
  }

  await test('editor tabs: Pod manifest and Cluster, arrow keys move between them, the pod editor stays mounted', async () => {
    const podTab = page.getByRole('tab', { name: 'Pod manifest', exact: true })
    const clusterTab = page.getByRole('tab', { name: 'Cluster', exact: true })
    assert(await page.getByRole('tablist').count() === 1, 'no tablist')
    assert(await podTab.getAttribute('aria-selected') === 'true', 'the Pod manifest tab is not selected at first')
    await showClusterTab()
    assert(await clusterTab.getAttribute('aria-selected') === 'true', 'the Cluster tab is not selected')
    assert(await page.getByRole('tabpanel', { name: 'Cluster' }).isVisible(), 'the Cluster panel is not shown')
    assert(await page.getByRole('textbox', { name: 'Cluster file' }).count() >= 1, 'no textbox named "Cluster file"')
    assert(await page.getByRole('combobox', { name: 'Cluster preset' }).count() === 1, 'no select named "Cluster preset"')
    assert(await page.evaluate(() => document.contains(window.__podbirthEditor.getDomNode())), 'the pod editor was unmounted')
    assert(!(await page.getByRole('tabpanel', { name: 'Pod manifest' }).isVisible()), 'the pod panel is still shown')
    const slider = await page.getByRole('slider').count() ? await page.getByRole('slider').inputValue() : ''
    await clusterTab.focus()
    await page.keyboard.press('ArrowLeft')
    assert(await podTab.getAttribute('aria-selected') === 'true', 'ArrowLeft did not select the Pod manifest tab')
    assert(await page.evaluate(() => document.activeElement?.textContent) === 'Pod manifest', 'focus did not move to the Pod manifest tab')
    await page.keyboard.press('ArrowRight')
    assert(await clusterTab.getAttribute('aria-selected') === 'true', 'ArrowRight did not select the Cluster tab')
    if (slider) assert(await page.getByRole('slider').inputValue() === slider, 'the arrow keys on the tabs also moved the playhead')
    const cluster = await getCluster()
    assert(cluster.includes('name: control-plane') && cluster.includes('Edit it freely'), `not the default preset: ${cluster.slice(0, 200)}`)
    assert(cluster.includes('name: control-plane'), 'the default preset lacks the control-plane node')
  })

  await test('choose the two-nodes preset and the pod is scheduled to one of its nodes', async () => {
    await page.getByRole('combobox', { name: 'Cluster preset' }).selectOption('two-nodes')
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: worker-b'), null, { timeout: 5000 })
    await setText(EXAMPLE)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /nginx\s+1\/1\s+Running\s+\d+\s+\S+\s+\S+\s+worker-[ab]\b/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    const out = await page.getByLabel('kubectl output').innerText()
    assert(out.includes('pod/nginx created'), `kubectl output: ${out}`)
    assert(!/worker-[12]|control-plane/.test(out), `a node of the default cluster in the output: ${out}`)
    await page.screenshot({ path: `${root}test-results/cluster-two-nodes.png` })
  })

  await test('a broken cluster file is refused with cluster.yaml and the line; the pod manifest is unchanged', async () => {
    const pod = await getText()
    await setCluster('apiVersion: v1\nkind: Node\nmetadata:\n  name: x: y\n')
    assert(await page.getByRole('combobox', { name: 'Cluster preset' }).inputValue() === 'custom', 'the preset select does not say custom after an edit')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    const alert = page.locator('.editor-pane p.error[role="alert"]')
    await alert.waitFor({ timeout: 10000 })
    const msg = await alert.innerText()
    assert(msg.includes('cluster.yaml') && msg.includes('line 4'), `error message: ${msg}`)
    assert(await getText() === pod, 'the pod manifest changed')
    await page.waitForFunction(() => window.__monaco.editor.getModelMarkers({ owner: 'podbirth' }).some((m) => m.startLineNumber === 4 && m.resource.path === '/cluster.yaml'), null, { timeout: 5000 })
    assert(await page.getByRole('button', { name: 'Apply', exact: true }).isEnabled(), 'Apply stays disabled after the error')
    await page.screenshot({ path: `${root}test-results/cluster-error.png` })
  })

  await test('the cluster text survives a reload', async () => {
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    await showClusterTab()
    assert((await getCluster()).includes('name: x: y'), 'cluster text was lost on reload')
    assert(await page.getByRole('combobox', { name: 'Cluster preset' }).inputValue() === 'custom', 'the preset select does not say custom after a reload')
    assert((await getText()) === EXAMPLE, 'the pod manifest was lost on reload')
  })

  await test('choosing a preset over edits asks first; Undo brings the edits back', async () => {
    const select = page.getByRole('combobox', { name: 'Cluster preset' })
    let asked = ''
    page.once('dialog', (d) => { asked = d.message(); void d.dismiss() })
    await select.selectOption('zones')
    await page.waitForTimeout(200)
    assert(asked.includes('Zones'), `no confirm dialog: ${asked}`)
    assert((await getCluster()).includes('name: x: y'), 'the edits were replaced although the user said no')
    assert(await select.inputValue() === 'custom', `select: ${await select.inputValue()}`)
    page.once('dialog', (d) => { void d.accept() })
    await select.selectOption('default')
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: control-plane'), null, { timeout: 5000 })
    assert(await select.inputValue() === 'default', `select: ${await select.inputValue()}`)
    await page.evaluate(() => { window.__podbirthClusterEditor.focus(); window.__podbirthClusterEditor.trigger('test', 'undo', null) })
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: x: y'), null, { timeout: 5000 })
    assert(await select.inputValue() === 'custom', 'Undo did not mark the cluster as edited')
    page.once('dialog', (d) => { void d.accept() })
    await select.selectOption('default')
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: control-plane'), null, { timeout: 5000 })
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
  })

  await test('Ctrl+Enter applies; a crashed worker is restarted, the apply replayed, and the playhead view works again', async () => {
    await setText(EXAMPLE)
    await page.evaluate(() => window.__podbirthEditor.focus())
    await page.keyboard.press('Control+Enter')
    await page.waitForFunction(() => /nginx\s+1\/1\s+Running/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    await page.getByRole('slider').fill(await page.getByRole('slider').getAttribute('max'))
    await page.waitForFunction(() => /Running/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
    const steps = await page.getByRole('slider').getAttribute('max')
    const generation = Number(await page.locator('.app').getAttribute('data-generation'))
    await page.evaluate(() => window.__podbirthCrashWorker())
    const alert = page.locator('p.error[role="alert"]')
    await alert.waitFor({ timeout: 10000 })
    assert((await alert.innerText()).includes('The simulation worker stopped'), `message: ${await alert.innerText()}`)
    // The replayed apply brings the same trace back (same inputs, same seed), and snapshots are answered again.
    // The crash and the replay's new trace each start a generation; wait until the replay has finished.
    await page.waitForFunction(([n, g]) => Number(document.querySelector('.app')?.dataset.generation) >= g + 2 && document.querySelector('.app')?.dataset.running === 'false' && document.querySelector('input[type=range]')?.getAttribute('max') === n && /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), [steps, generation], { timeout: 15000 })
    await page.getByRole('slider').fill('5')
    await page.waitForFunction(() => /nginx\s+0\/1\s+Pending/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? '') || /No resources found/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''), null, { timeout: 10000 })
    assert(await getText() === EXAMPLE, 'the manifest changed')
  })

  await test('a Deployment is served: kubectl says created, the kube-controller-manager lane appears, three pods run', async () => {
    const lane = page.getByRole('region', { name: /^kube-controller-manager/ })
    assert(await lane.count() === 0, 'the controller-manager lane shows for a plain pod')
    await setText('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - {name: web, image: nginx:1.27}\n')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => {
      const t = document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''
      return /deployment\.apps\/web created/.test(t) && (t.match(/web-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5} +1\/1 +Running/g) ?? []).length === 3
    }, null, { timeout: 15000 })
    assert(await lane.count() === 1, 'no kube-controller-manager lane')
    // The story ends with the Deployment's status (a step about no pod): the summary tells the first pod's birth.
    await page.locator('body').press('End')
    const card = page.getByRole('region', { name: 'Summary' })
    await card.waitFor({ timeout: 5000 })
    const summary = await card.innerText()
    assert(/Running and Ready on worker-[12]/.test(summary), `summary: ${summary}`)
    await setText('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n      - {name: agent, image: nginx:1.27}\n')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /no matches for kind "DaemonSet" in version "apps\/v1"/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    assert((await page.getByRole('note').filter({ hasText: 'deployment and replicaset controllers only' }).count()) === 1, 'no note about the controllers served')
    await setText(EXAMPLE)
  })

  await test('the seed: the same scenario gives the same trace byte for byte; the trace downloads as JSON', async () => {
    const seed = page.getByRole('spinbutton', { name: 'Seed' })
    const run = async (n) => {
      await seed.fill(String(n))
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.waitForFunction(() => /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? '') && !document.querySelector('.controls button:first-child')?.hasAttribute('disabled'), null, { timeout: 15000 })
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the trace (JSON)' }).click()])
      const { readFile } = await import('node:fs/promises')
      return JSON.parse(await readFile(await download.path(), 'utf8'))
    }
    // Invalid input is refused in place and the last good seed stays.
    await seed.fill('0.5')
    assert(await page.locator('#seed-error').isVisible(), 'no message for seed 0.5')
    await page.locator('header h1').click()
    assert(await seed.inputValue() === '1', `the seed box did not revert: ${await seed.inputValue()}`)
    // Esc hands the keyboard back from the editor to Apply; an edit after Apply is flagged.
    await page.evaluate(() => window.__podbirthEditor.focus())
    await page.keyboard.press('Escape')
    assert(await page.evaluate(() => document.activeElement?.textContent) === 'Apply', 'Escape did not leave the editor')
    const a = await run(7)
    assert(a.scenario.seed === 7 && a.scenario.manifest === EXAMPLE && a.kubernetes === 'v1.35', `scenario: ${JSON.stringify(a.scenario).slice(0, 200)}`)
    assert(a.trace.length === Number(await page.getByRole('slider').getAttribute('max')) + 1 && a.trace[0].lane === 'kubectl', 'the trace in the file is not the one on screen')
    await seed.fill('9')
    assert(await page.locator('.edited').innerText() === 'edited since the last Apply', 'no hint that the seed changed since the last Apply')
    const b = await run(8)
    const c = await run(7)
    assert(JSON.stringify(c.trace) === JSON.stringify(a.trace), 'the same seed gave a different trace')
    assert(b.scenario.seed === 8, 'seed 8 not recorded')
    await seed.fill('1')
  })

  await test('a shared link opens the same scenario; what it replaced can be restored; a broken link says so', async () => {
    const SHARED = EXAMPLE.replace('name: nginx\n  labels', 'name: shared-pod\n  labels')
    await setText(SHARED)
    await showClusterTab()
    await page.getByRole('combobox', { name: 'Cluster preset' }).selectOption('two-nodes')
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: worker-b'), null, { timeout: 5000 })
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('5')
    await page.getByRole('button', { name: 'Copy link' }).click()
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'), null, { timeout: 5000 })
    const link = await page.evaluate(() => location.href)
    // What the user has when the link is opened: the example, the default cluster, seed 1.
    await setText(EXAMPLE)
    await showClusterTab()
    await page.getByRole('combobox', { name: 'Cluster preset' }).selectOption('default')
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('1')
    await page.evaluate((u) => history.replaceState(null, '', u), link)
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    assert(await getText() === SHARED, 'the shared manifest was not loaded')
    assert(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue() === '5', 'the shared seed was not loaded')
    assert(await page.evaluate(() => location.hash) === '', 'the link stays in the address bar')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => /shared-pod\s+1\/1\s+Running\s+\d+\s+\S+\s+\S+\s+worker-[ab]\b/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    await page.getByRole('button', { name: 'Restore what I had' }).click()
    await page.waitForFunction((t) => window.__podbirthEditor.getValue() === t, EXAMPLE, { timeout: 5000 })
    assert(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue() === '1', 'the seed was not restored')
    await showClusterTab()
    assert(await page.getByRole('combobox', { name: 'Cluster preset' }).inputValue() === 'default', 'the cluster was not restored')
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    // A link cut short: a clear message, and the editors keep what they had.
    await page.evaluate((u) => history.replaceState(null, '', u), link.slice(0, link.length - 40))
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    const alert = await page.locator('p.error[role="alert"]').innerText()
    assert(alert.startsWith('This shared link could not be opened:'), `message: ${alert}`)
    assert(await getText() === EXAMPLE, 'a broken link changed the manifest')
  })

  // Pages of their own report off-site requests and console errors to the same lists.
  const watch = (p) => {
    p.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) offsite.push(u) })
    p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    p.on('pageerror', (e) => consoleErrors.push(String(e)))
  }
  group = 'story'
  await storyTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'scenario'
  await scenarioTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'tour'
  await tourTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'quiz'
  await quizTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'hardening'
  await hardeningTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'editorHardening'
  await editorHardeningTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'hostileInput'
  await hostileInputTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'csp'
  await cspTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'console'
  await consoleTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'focus'
  await focusTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'map'
  await mapTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'view'
  await viewTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'import'
  await importTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'whatif'
  await whatifTests({ browser, ORIGIN, root, test, assert, watch })
  group = 'compare'
  await compareTests({ browser, ORIGIN, root, test, assert, watch })

  group = 'main'
  // Outcome banners: every failure is an alert naming it, with the exact message, why, what would fix it, and a button
  // to the step that decided it.
  const toEnd = async () => {
    const slider = page.getByRole('slider')
    await slider.fill(await slider.getAttribute('max'))
    await settled()
  }
  /** goToDecidingStep clicks the banner's button and checks that the playhead, the log and the inspector are there. */
  const goToDecidingStep = async (banner, lane) => {
    const step = await banner.getAttribute('data-step')
    await banner.getByRole('button', { name: 'Go to the step that decided it' }).click()
    await page.waitForFunction((s) => document.querySelector('input[type=range]')?.value === s, step, { timeout: 5000 })
    await settled()
    assert(await page.getByRole('log').getAttribute('data-selected') === step, `the log is not on step ${step}`)
    const meta = await page.getByRole('complementary', { name: 'Inspector' }).locator('.meta').innerText()
    assert(meta.includes(lane), `the inspector is not on a ${lane} step: ${meta}`)
    return Number(step)
  }
  const bannerShots = async (banner, name) => {
    await banner.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${root}test-results/outcome-${name}.png` })
    await page.getByRole('button', { name: /theme$/ }).click()
    await page.screenshot({ path: `${root}test-results/outcome-${name}-${await page.evaluate(() => document.documentElement.dataset.theme)}.png` })
    await page.getByRole('button', { name: /theme$/ }).click()
  }
  const applyAndWait = async (pattern) => {
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? '') && document.querySelector('.app')?.dataset.running === 'false', pattern, { timeout: 20000 })
  }

  await test('a 403 (kubectl as alice) gets a Forbidden banner: who, which verb, the Role and RoleBinding; its button goes to the authorizer', async () => {
    await showClusterTab()
    await setCluster('# alice has a token but no RBAC rights\napiVersion: v1\nkind: Config\ncurrent-context: alice@kubernetes\nclusters: [{name: kubernetes, cluster: {server: "https://192.168.49.2:6443"}}]\ncontexts: [{name: alice@kubernetes, context: {cluster: kubernetes, user: alice, namespace: default}}]\nusers: [{name: alice, user: {token: alice-token-7f3a9c}}]\n')
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    await setText(EXAMPLE)
    await applyAndWait('Error from server \\(Forbidden\\)')
    await toEnd()
    const banner = page.getByRole('alert', { name: 'Forbidden (403)' })
    await banner.waitFor({ timeout: 5000 })
    const text = await banner.innerText()
    assert(text.includes('pods "nginx" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"'), `banner message: ${text}`)
    assert(text.includes('kubectl create rolebinding alice-pods-applier --role=pods-applier --user=alice -n default'), `banner fix: ${text}`)
    await bannerShots(banner, 'forbidden')
    await goToDecidingStep(banner, 'kube-apiserver')
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await page.waitForFunction(() => /"decision"/.test(document.querySelector('[aria-label="Inspector"]')?.textContent ?? ''), null, { timeout: 5000 })
    assert((await inspector.innerText()).includes('"user": "alice"'), 'the inspector does not show the authorizer\'s decision about alice')
    // Before the step that decided it, it does not hold.
    await page.getByRole('button', { name: 'Step back', exact: true }).click()
    await settled()
    assert(await page.getByRole('alert', { name: 'Forbidden (403)' }).count() === 0, 'the Forbidden banner shows before the authorizer decided')
  })

  await test('an image typo gets an ErrImagePull banner with the registry\'s reason; its button goes to the failed pull', async () => {
    await showClusterTab()
    page.once('dialog', (d) => { void d.accept() })
    await page.getByRole('combobox', { name: 'Cluster preset' }).selectOption('default')
    await page.waitForFunction(() => window.__podbirthClusterEditor.getValue().includes('name: control-plane'), null, { timeout: 5000 })
    await page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
    const { readFile } = await import('node:fs/promises')
    await setText(await readFile(`${root}tests/fixtures/image-typo.yaml`, 'utf8'))
    await applyAndWait('pod/typo created')
    await toEnd()
    // At the end the kubelet is between pulls (ImagePullBackOff) or has just failed one (ErrImagePull); either way the
    // step that decided it is a failed pull, where ErrImagePull holds.
    const last = page.getByRole('alert', { name: /^(ErrImagePull|ImagePullBackOff)$/ })
    await last.waitFor({ timeout: 5000 })
    await last.getByRole('button', { name: 'Go to the step that decided it' }).click()
    await settled()
    const banner = page.getByRole('alert', { name: 'ErrImagePull' })
    await banner.waitFor({ timeout: 5000 })
    const text = await banner.innerText()
    assert(text.includes('Failed to pull image "nginx:1.99": rpc error: code = NotFound'), `banner message: ${text}`)
    assert(text.includes('no tag 1.99') && text.includes('container app'), `banner cause and fix: ${text}`)
    await bannerShots(banner, 'err-image-pull')
    const step = await goToDecidingStep(banner, 'CRI')
    assert(await page.getByRole('alert', { name: 'ErrImagePull' }).getAttribute('data-step') === String(step), 'the ErrImagePull banner is not about this step')
  })

  await test('a container that exits 1 gets a CrashLoopBackOff banner with the exit code and the back-off; its button goes to the kubelet\'s back-off', async () => {
    await setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "echo starting; exit 1"]\n')
    await applyAndWait('pod/crash created')
    await toEnd()
    const banner = page.getByRole('alert', { name: 'CrashLoopBackOff' })
    await banner.waitFor({ timeout: 5000 })
    const text = await banner.innerText()
    assert(/Back-off restarting failed container app in pod crash_default\([0-9a-f-]+\)/.test(text), `banner message: ${text}`)
    assert(text.includes('exited with code 1 (Error)') && /this time (\d+m)?\d+s\./.test(text), `banner cause: ${text}`)
    await bannerShots(banner, 'crash-loop-backoff')
    await goToDecidingStep(banner, 'kubelet')
    await setText(EXAMPLE)
  })


  await test('no request left the local server, no console errors', async () => {
    assert(offsite.length === 0, `off-site requests: ${offsite.join(', ')}`)
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`)
  })
} catch (e) {
  results.push({ name: 'e2e harness', ok: false })
  console.log(`FAIL e2e harness: ${e?.message ?? e}`)
} finally {
  await browser?.close().catch(() => {})
  server.kill('SIGTERM')
}
const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
