// End-to-end tests of the main page: load, Apply, the editor, stepping, the inspector, playing, errors, search and reload.
import { mainPageHelpers } from './mainPage.mjs'

/** basicsTests runs on the main page (run.mjs's), in order: each test starts where the one before left it. */
export async function basicsTests({ page, ORIGIN, root, test, assert }) {
  const { getText, setText, settled } = mainPageHelpers(page)
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
    // The page's copy of the step has no objects (worker/wire.ts): the diff is of the whole step the worker sent.
    // (Monaco writes a line's spaces as no-break spaces.)
    await page.waitForFunction(() => /apiVersion:\s+v1/.test(document.querySelector('[aria-label="Inspector"] .monaco-diff-editor')?.textContent ?? ''), null, { timeout: 10000 })
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
    // The body is left off the page's copy of the step (worker/wire.ts); the inspector shows the whole step's.
    const body = req.getByText('Request body')
    await body.waitFor({ timeout: 5000 })
    await body.click()
    const json = await req.locator('pre').innerText()
    assert(json.includes('"kind": "Pod"') && json.includes('"image": "nginx:1.27"'), `request body: ${json}`)
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
}
