// End-to-end tests of the outcome banners: every failure is an alert naming it, with the exact message, why, what would
// fix it, and a button to the step that decided it.
import { mainPageHelpers } from './mainPage.mjs'

/** bannersTests runs on the main page (run.mjs's), in order: each test starts where the one before left it. */
export async function bannersTests({ page, root, test, assert }) {
  const { setText, settled, setCluster, EXAMPLE, showClusterTab } = mainPageHelpers(page)
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


}
