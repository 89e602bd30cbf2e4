// End-to-end tests of the console under the lanes: a Deployment typed there grows the story (the
// kube-controller-manager lane appears, three pods reach Running), reads answer at the playhead (stepping back shows
// the past), a typo prints kubectl's error and changes nothing, and a reload keeps the session. A page of its own.

import { pages } from './pages.mjs'

/** consoleTests runs with run.mjs's `test` and `assert`. */
export async function consoleTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const idle = (page) =>
    page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false', null, { timeout: 30000 })
  const transcript = (page) => page.getByRole('log', { name: 'Console' })
  /** Types a line into the console and waits until its answer is in the transcript (one more entry). */
  async function type(page, line) {
    const before = await page.locator('.console-entry').count()
    const input = page.getByRole('textbox', { name: 'kubectl command' })
    await input.fill(line)
    await input.press('Enter')
    await page.waitForFunction(
      (n) => document.querySelectorAll('.console-entry').length > n && !document.querySelector('.console-busy'),
      before,
      { timeout: 30000 },
    )
    return page.locator('.console-entry').last().innerText()
  }
  const runningWebPods = (text) => (text.match(/^web-[a-z0-9]{8,10}-[a-z0-9]{5}\s+1\/1\s+Running\b/gm) ?? []).length
  const state = (page) =>
    page.evaluate(() => ({
      runs: document.querySelector('.app')?.dataset.runs,
      steps: document.querySelector('[aria-label="Events"]')?.getAttribute('data-steps'),
    }))

  const { page, context } = await fresh()
  await test('console: create deployment grows the story (controller-manager lane, three pods Running)', async () => {
    assert(
      (await page.getByRole('region', { name: 'kube-controller-manager' }).count()) === 0,
      'the controller-manager lane shows before any controller acted',
    )
    const out = await type(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=3')
    assert(
      /\$ kubectl create deployment web --image=nginx:1\.27 --replicas=3/.test(out),
      `the transcript does not show the command: ${out}`,
    )
    await idle(page)
    await page.getByRole('region', { name: 'kube-controller-manager' }).waitFor({ timeout: 20000 })
    await page.waitForFunction(
      () => /deployment\.apps\/web created/.test(document.querySelector('[aria-label="Console"]')?.textContent ?? ''),
      null,
      { timeout: 20000 },
    )
    // The playhead followed the story to its new end.
    const slider = page.getByRole('slider')
    assert(
      (await slider.inputValue()) === (await slider.getAttribute('max')),
      `the playhead is at ${await slider.inputValue()}, not the end`,
    )
    const pods = await type(page, 'get pods')
    assert(runningWebPods(pods) === 3, `get pods at the end does not show three web pods Running:\n${pods}`)
    assert(/# at \d+\.\d{3}s/.test(pods), `a read does not say when it is from: ${pods}`)
    await page.screenshot({ path: `${root}test-results/console-deployment.png` })
  })

  await test('console: the cluster at the playhead lists the Deployment and its ReplicaSet; Tab completes flags', async () => {
    const panel = page.getByLabel('Cluster at the playhead')
    await panel.waitFor({ timeout: 10000 })
    await page.waitForFunction(
      () => /kubectl get deployments,replicasets -o wide/.test(document.querySelector('[aria-label="Cluster at the playhead"]')?.textContent ?? ''),
      null,
      { timeout: 10000 },
    )
    const text = await panel.innerText()
    assert(/deployment\.apps\/web\s+3\/3\s+3\s+3/.test(text), `the panel lacks the Deployment row:\n${text}`)
    assert(/replicaset\.apps\/web-[a-z0-9]{8,10}\s+3\s+3\s+3/.test(text), `the panel lacks the ReplicaSet row:\n${text}`)
    const input = page.getByRole('textbox', { name: 'kubectl command' })
    await input.fill('kubectl scale deployment web --repl')
    await input.press('Tab')
    assert((await input.inputValue()) === 'kubectl scale deployment web --replicas ', `Tab gave: ${await input.inputValue()}`)
    await input.fill('get pods -n kube-sy')
    await input.press('Tab')
    assert((await input.inputValue()) === 'get pods -n kube-system ', `Tab gave: ${await input.inputValue()}`)
    await input.fill('')
  })

  await test('console: stepping back, get pods shows the past (fewer pods Running)', async () => {
    // To the story's start (the create command itself): no pod exists yet.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Home')
    await page.waitForFunction(
      () =>
        Number(document.querySelector('input[type=range]')?.value) <
        Number(document.querySelector('input[type=range]')?.max) / 2,
      null,
      { timeout: 5000 },
    )
    const early = await type(page, 'kubectl get pods')
    assert(runningWebPods(early) < 3, `get pods at the start still shows three Running pods:\n${early}`)
    // Halfway through the rollout: the deployment exists, and not every pod is Running yet.
    const max = Number(await page.getByRole('slider').getAttribute('max'))
    await page.getByRole('slider').fill(String(Math.floor(max / 4)))
    const mid = await type(page, 'get deployments')
    assert(/web\s+\d\/3/.test(mid), `the deployment is not there a quarter of the way in:\n${mid}`)
    const midPods = await type(page, 'get pods')
    assert(runningWebPods(midPods) < 3, `a quarter of the way in, three pods are already Running:\n${midPods}`)
  })

  await test("console: a typo prints kubectl's error and changes nothing", async () => {
    const before = await state(page)
    const typo = await type(page, 'kubectl crate deployment x --image=nginx')
    assert(/error: unknown command "crate" for "kubectl"/.test(typo), `no kubectl error for a typo: ${typo}`)
    const badType = await type(page, 'get podz')
    assert(
      /error: the server doesn't have a resource type "podz"/.test(badType),
      `no kubectl error for an unknown type: ${badType}`,
    )
    // Nothing typed is HTML.
    const html = await type(page, 'get pods <img src=x onerror=alert(1)>')
    assert(
      (await transcript(page).locator('img').count()) === 0 && html.includes('<img'),
      'typed text was rendered as HTML',
    )
    const after = await state(page)
    assert(
      before.runs === after.runs && before.steps === after.steps,
      `a refused line changed the simulation: ${JSON.stringify({ before, after })}`,
    )
  })

  await test('console: a reload keeps the session — transcript and lanes', async () => {
    await page.reload()
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    await idle(page)
    await page.getByRole('region', { name: 'kube-controller-manager' }).waitFor({ timeout: 20000 })
    const text = await transcript(page).innerText()
    assert(/deployment\.apps\/web created/.test(text), `the session's output is gone after a reload:\n${text}`)
    assert(/unknown command "crate"/.test(text), 'the transcript is gone after a reload')
    const pods = await type(page, 'get pods')
    assert(runningWebPods(pods) === 3, `after a reload get pods does not show three web pods Running:\n${pods}`)
    // ↑ brings back the last line typed.
    await page.getByRole('textbox', { name: 'kubectl command' }).press('ArrowUp')
    assert(
      (await page.getByRole('textbox', { name: 'kubectl command' }).inputValue()) === 'get pods',
      'history does not survive a reload',
    )
    await page.getByRole('textbox', { name: 'kubectl command' }).fill('')
    await page.screenshot({ path: `${root}test-results/console-reloaded.png` })
  })

  await test('console: the session saves as a script; a script loads as a session (errors name the line)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save session as script' }).click(),
    ])
    const saved = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
    assert(
      saved === 'kubectl create deployment web --image=nginx:1.27 --replicas=3\n',
      `the saved script: ${JSON.stringify(saved)}`,
    )
    const file = page.getByLabel('Workshop script file')
    await file.setInputFiles({
      name: 'bad.sh',
      mimeType: 'text/plain',
      buffer: Buffer.from('kubectl get pods\necho hi\n'),
    })
    const alert = page.getByRole('alert').filter({ hasText: 'The script could not be loaded' })
    await alert.waitFor({ timeout: 5000 })
    assert(
      /bad\.sh: line 2: podbirth runs kubectl and sleep lines only, not "echo"/.test(await alert.innerText()),
      `the load error: ${await alert.innerText()}`,
    )
    const script =
      'kubectl create deployment api --image=nginx:1.27\nsleep 2\nkubectl scale deployment api --replicas=2\n'
    await file.setInputFiles({ name: 'demo.sh', mimeType: 'text/plain', buffer: Buffer.from(script) })
    await page.waitForFunction(
      () => /deployment\.apps\/api scaled/.test(document.querySelector('[aria-label="Console"]')?.textContent ?? ''),
      null,
      { timeout: 30000 },
    )
    await idle(page)
    const text = await transcript(page).innerText()
    assert(
      /Loaded demo\.sh: a new session of 2 command\(s\)/.test(text) && /deployment\.apps\/api created/.test(text),
      `the loaded session:\n${text}`,
    )
    const deploys = await type(page, 'get deploy')
    assert(/api\s+2\/2/.test(deploys) && !/^web\s/m.test(deploys), `the loaded session's cluster:\n${deploys}`)
  })

  await test("console: the editor's Apply starts a new session and says so", async () => {
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.getByLabel('kubectl output').waitFor({ timeout: 20000 })
    await idle(page)
    const text = await transcript(page).innerText()
    assert(
      /Apply started a new session: kubectl apply -f pod\.yaml; the console's 2 command\(s\) were cleared/.test(text),
      `the transcript does not say a new session started:\n${text}`,
    )
    assert(
      (await page.getByRole('region', { name: 'kube-controller-manager' }).count()) === 0,
      'the deployment survived a new Apply',
    )
  })
  await context.close()
}
