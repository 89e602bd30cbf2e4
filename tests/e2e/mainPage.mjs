// The main page's helpers for the groups that drive it in turn (basics, cluster, banners): the editors' texts, the
// Cluster tab, and the moment the panels have caught up with the playhead.

/** mainPageHelpers: reading and writing the two editors, the Cluster tab, and waiting for the panels. */
export function mainPageHelpers(page) {
  const getText = () => page.evaluate(() => window.__podbirthEditor.getValue())
  const setText = (t) => page.evaluate((x) => window.__podbirthEditor.setValue(x), t)
  // The panels follow the playhead a few times a second: wait until they show the slider's step.
  const settled = () => page.waitForFunction(() => document.querySelector('[role="log"]')?.getAttribute('data-selected') === document.querySelector('input[type=range]')?.value, null, { timeout: 5000 })
  // The example pod the Cluster tests put back after each change.
  const getCluster = () => page.evaluate(() => window.__podbirthClusterEditor.getValue())
  const setCluster = (t) => page.evaluate((x) => window.__podbirthClusterEditor.setValue(x), t)
  const EXAMPLE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'
  const showClusterTab = async () => {
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click()
    await page.waitForFunction(() => !!window.__podbirthClusterEditor, null, { timeout: 20000 })
  }
  return { getText, setText, settled, getCluster, setCluster, EXAMPLE, showClusterTab }
}
