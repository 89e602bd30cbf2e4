// Pages of their own for the feature tests (story, scenarios, tour, quiz): a fresh browser context (its own
// storage), the app loaded, optionally the example pod applied and told. One place, so each file keeps to its tests.

export const EXAMPLE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'

/** pages returns `fresh` (the app at a path) and `applied` (the example applied and its story told). */
export function pages({ browser, ORIGIN, watch }) {
  async function fresh(path = '/', { viewport = { width: 1280, height: 720 }, scale = 1, colorScheme = 'light' } = {}) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, colorScheme })
    const page = await context.newPage()
    watch(page)
    await page.goto(`${ORIGIN}${path}`)
    await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
    return { page, context }
  }
  async function applied(viewport = { width: 1280, height: 720 }, scale = 1) {
    const { page, context } = await fresh('/', { viewport, scale })
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), EXAMPLE)
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false' && /pod\/nginx created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
    await page.getByRole('navigation', { name: 'Story chapters' }).waitFor({ timeout: 5000 })
    return { page, context }
  }
  return { fresh, applied }
}
