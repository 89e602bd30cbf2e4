// End-to-end tests of hostile input in the app (issue #16): a wrong type deep in a Deployment, `null` where an object
// is expected, a 4 MB paste, a hostile shared link and a cluster file with a wrong type. Each is pasted (or opened)
// in a page of its own; the app must show a clear error (the same text the CLI prints for the same file), keep the
// editor's text, and still answer a click and a good Apply afterwards.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { EXAMPLE, pages } from './pages.mjs'
import { BOMB } from './editor-hardening.mjs'

/** (1) A wrong type deep in a Deployment: the API server refuses it while decoding. */
const DEPLOYMENT_WRONG_TYPE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n' +
  '  replicas: "three"\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n' +
  '      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n'
/** (2) `null` where an object is expected in a Pod. */
const POD_NULL_CONTAINER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nulls\nspec:\n  containers: [null]\n'
const POD_NULL_TOLERATION = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n' +
  '    image: nginx:1.27\n  tolerations: [null]\n'
/** (3) 4 MB of YAML: a 4 MiB annotation, over the API server's 3 MiB request limit. */
const HUGE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\n  annotations:\n' +
  `    big: "${'x'.repeat(4 * 1024 * 1024)}"\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`
/** A cluster file whose Node has a wrong type: cpu is a list (line 7, column 10). */
const CLUSTER_WRONG_TYPE = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nstatus:\n  capacity:\n' +
  '    cpu: [1]\n    memory: 8Gi\n    pods: "110"\n'

/** A shared link's fragment (src/app/share.ts format v1: base64url of the zlib deflate of the JSON). */
const linkFor = (wire) => `#s=v1.${deflateSync(Buffer.from(JSON.stringify(wire))).toString('base64url')}`

const root = new URL('../..', import.meta.url).pathname

/**
 * cli returns what `podbirth apply -f pod.yaml [--cluster cluster.yaml]` prints on stderr and stdout, run where the
 * files are named as the app names them, so the app's text can be compared with the CLI's word for word.
 */
function cli(manifest, cluster) {
  const dir = mkdtempSync(join(tmpdir(), 'podbirth-hostile-'))
  try {
    writeFileSync(join(dir, 'pod.yaml'), manifest)
    const args = [join(root, 'src/cli/podbirth.mjs'), 'apply', '-f', 'pod.yaml', '-o', 'json']
    if (cluster !== undefined) {
      writeFileSync(join(dir, 'cluster.yaml'), cluster)
      args.push('--cluster', 'cluster.yaml')
    }
    try {
      const opts = { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }
      const out = execFileSync(process.execPath, args, opts)
      return { exit: 0, json: JSON.parse(out), stderr: '' }
    } catch (e) {
      let json
      try { json = JSON.parse(e.stdout) } catch { json = undefined }
      return { exit: e.status, json, stderr: String(e.stderr ?? '') }
    }
  } finally { rmSync(dir, { recursive: true, force: true }) }
}

/** hostileInputTests runs the hostile-input tests with run.mjs's `test` and `assert`, in pages of their own. */
export async function hostileInputTests({ browser, ORIGIN, root: shots, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  // Read at once, never waited for: an absent element is an empty text (a locator's innerText would wait 30 s).
  const textOf = (page, selector) => page.evaluate((q) => document.querySelector(q)?.innerText ?? '', selector)
  const output = (page) => textOf(page, '[aria-label="kubectl output"]')
  const alertText = (page) => textOf(page, 'p.error[role="alert"]')
  const getText = (page) => page.evaluate(() => window.__podbirthEditor.getValue())
  const getCluster = (page) => page.evaluate(() => window.__podbirthClusterEditor.getValue())
  /** paste replaces the pod editor's text the way Ctrl+V over a selection does: one edit, through Monaco's paste. */
  const paste = (page, text) => page.evaluate((t) => {
    const ed = window.__podbirthEditor
    ed.focus()
    ed.setSelection(ed.getModel().getFullModelRange())
    ed.trigger('keyboard', 'paste', { text: t })
  }, text)
  /**
   * apply presses Apply and waits until the run is over and the app has answered: kubectl's output of a new run, or
   * an alert (a refused cluster file runs nothing, so no new run starts).
   */
  async function apply(page, timeout = 20000) {
    const runs = Number(await page.locator('.app').getAttribute('data-runs'))
    // An alert already on screen is not the answer: Apply clears it, and a new one is a new element.
    await page.evaluate(() => {
      const a = document.querySelector('p.error[role="alert"]')
      if (a) a.dataset.before = 'apply'
    })
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.waitForFunction((r) => {
      const app = document.querySelector('.app')
      const alert = document.querySelector('p.error[role="alert"]')
      return app?.dataset.running === 'false' && ((!!alert && !alert.dataset.before) ||
        (Number(app.dataset.runs) > r && !!document.querySelector('[aria-label="kubectl output"]')))
    }, runs, { timeout }).catch(() => { throw new Error(`the app did not answer Apply within ${timeout / 1000} s`) })
  }
  /** The markers of one owner on one model ('kubectl': Apply's error on pod.yaml; 'podbirth': the cluster's). */
  const markers = (page, owner, path) => page.evaluate(([o, p]) => window.__monaco.editor.getModelMarkers({ owner: o })
    .filter((m) => m.resource.path === p)
    .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })), [owner, path])
  const clusterTab = async (page) => {
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click()
    await page.waitForFunction(() => !!window.__podbirthClusterEditor, null, { timeout: 20000 })
  }
  const podTab = (page) => page.getByRole('tab', { name: 'Pod manifest', exact: true }).click()
  /** The tab is neither blank nor frozen: a click switches the theme, and a good Apply runs the example to Running. */
  async function stillAnswers(page) {
    const before = await page.evaluate(() => document.documentElement.dataset.theme)
    await page.getByRole('button', { name: /theme$/ }).click()
    await page.waitForFunction((b) => document.documentElement.dataset.theme !== b, before, { timeout: 3000 })
      .catch(() => { throw new Error('the theme button did not answer within 3 s: the tab is frozen') })
    await page.getByRole('button', { name: /theme$/ }).click()
    await paste(page, EXAMPLE)
    await apply(page)
    const out = await output(page)
    const ok = /pod\/nginx created/.test(out) && /nginx\s+1\/1\s+Running/.test(out)
    assert(ok, `a good Apply afterwards: ${out}${await alertText(page)}`)
  }
  /** kubectl's error as the CLI prints it for the same manifest (named pod.yaml, as the app names it). */
  function cliSays(manifest) {
    const res = cli(manifest)
    const said = (res.json?.kubectl?.stderr ?? res.stderr).trim()
    assert(res.exit === 1 || res.exit === 2, `the CLI exits ${res.exit}: ${said}`)
    assert(said.length > 0, 'the CLI says nothing')
    return said
  }
  /** The app's kubectl output holds what the CLI said. */
  async function sameAsCli(page, want) {
    const out = await output(page)
    const app = `${out}${await alertText(page)}`
    assert(out.includes(want), `the app's kubectl output differs from the CLI's.\n app: ${app}\n cli: ${want}`)
  }
  /** The cluster's wrong type put right, so the next Apply runs. */
  async function fixCluster(page) {
    await clusterTab(page)
    await page.evaluate(() => {
      const ed = window.__podbirthClusterEditor
      ed.setValue(ed.getValue().replace('cpu: [1]', 'cpu: "4"'))
    })
    await podTab(page)
  }

  const wrongType = 'hostile: replicas: "three" in a Deployment gets the API server\'s decoding error, as from the CLI'
  await test(wrongType, async () => {
    const { page, context } = await fresh('/')
    try {
      const want = cliSays(DEPLOYMENT_WRONG_TYPE)
      // transformDecodeError (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go): "%s in version %q cannot
      // be handled as a %s: %v", with the decoder's json error; kubectl prints it as "Error from server (BadRequest)".
      const apiserver = 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string ' +
        'into Go struct field DeploymentSpec.spec.replicas of type int32'
      const kubectl = `Error from server (BadRequest): error when creating "pod.yaml": ${apiserver}`
      assert(want === kubectl, `the CLI says: ${want}`)
      await paste(page, DEPLOYMENT_WRONG_TYPE)
      await apply(page)
      await sameAsCli(page, want)
      // The API server's message names a field path, not a line: the YAML gives none, and no marker is invented.
      assert(await getText(page) === DEPLOYMENT_WRONG_TYPE, 'the editor text changed')
      await page.screenshot({ path: `${shots}test-results/hostile-deployment-type.png` })
      await stillAnswers(page)
    } finally { await context.close() }
  })

  const nulls = [['containers: [null]', POD_NULL_CONTAINER], ['tolerations: [null]', POD_NULL_TOLERATION]]
  for (const [name, text] of nulls) {
    await test(`hostile: \`${name}\` in a Pod gets the CLI's answer in the app; the text is kept`, async () => {
      const { page, context } = await fresh('/')
      try {
        const want = cliSays(text)
        await paste(page, text)
        await apply(page)
        await sameAsCli(page, want)
        assert(await getText(page) === text, 'the editor text changed')
        await stillAnswers(page)
      } finally { await context.close() }
    })
  }

  await test('hostile: a 4 MB paste (a 4 MiB annotation) gets the API server\'s 413; the text is kept and the tab answers', async () => {
    const { page, context } = await fresh('/')
    try {
      await paste(page, HUGE)
      await apply(page, 30000)
      const out = await output(page)
      // What the API server answers a request body over its 3 MiB limit (limitedReadBody in
      // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go: NewRequestEntityTooLargeError("limit is %d")),
      // as kubectl prints it. The CLI refuses the same file before reading it, quoting this text (src/cli/limits.ts).
      const want = 'Error from server (RequestEntityTooLarge): error when creating "pod.yaml": ' +
        'Request entity too large: limit is 3145728'
      assert(out.includes(want), `not the API server's 413: ${out.slice(0, 500)}${await alertText(page)}`)
      assert(await getText(page) === HUGE, 'the editor text changed')
      await stillAnswers(page)
    } finally { await context.close() }
  })

  await test('hostile: a Node with capacity cpu: [1] gets cluster.yaml, line and column, as from the CLI', async () => {
    const { page, context } = await fresh('/')
    try {
      const res = cli(EXAMPLE, CLUSTER_WRONG_TYPE)
      assert(res.exit === 2, `the CLI exits ${res.exit}: ${res.stderr}`)
      // The CLI's line without its own prefix is what loadCluster says about cluster.yaml.
      const want = res.stderr.trim().replace(/^podbirth: invalid cluster file: /, '')
      await clusterTab(page)
      await page.evaluate((t) => window.__podbirthClusterEditor.setValue(t), CLUSTER_WRONG_TYPE)
      await podTab(page)
      await apply(page)
      const msg = await alertText(page)
      assert(msg.includes(want), `the app's message differs from the CLI's.\n app: ${msg}\n cli: ${want}`)
      const where = 'cluster.yaml: Node at line 7, column 10: quantities must match the regular expression'
      assert(msg.startsWith(where), `message: ${msg}`)
      const [mark] = await markers(page, 'podbirth', '/cluster.yaml')
      assert(mark?.line === 7 && mark?.column === 10, `no marker at 7:10 on cluster.yaml: ${JSON.stringify(mark)}`)
      assert(await getCluster(page) === CLUSTER_WRONG_TYPE, 'the cluster text changed')
      assert(await getText(page) === EXAMPLE, 'the pod manifest changed')
      await page.screenshot({ path: `${shots}test-results/hostile-cluster-type.png` })
      await fixCluster(page)
      await stillAnswers(page)
    } finally { await context.close() }
  })

  for (const [name, manifest] of [['a null container', POD_NULL_CONTAINER], ['an alias bomb', BOMB]]) {
    const title = `hostile: a shared link with ${name} and a wrong-typed cluster shows both errors; texts kept`
    await test(title, async () => {
      // p: 0 makes the app apply the scenario as it opens (a link shared at the first step).
      const { page, context } = await fresh(`/${linkFor({ m: manifest, c: CLUSTER_WRONG_TYPE, s: 3, p: 0 })}`)
      try {
        await page.waitForFunction(() => document.querySelector('.app')?.dataset.running === 'false' &&
          !!document.querySelector('p.error[role="alert"]'), null, { timeout: 20000 })
          .catch(() => { throw new Error('opening the link showed no error') })
        const msg = await alertText(page)
        assert(msg.startsWith('cluster.yaml: Node at line 7, column 10: '), `message: ${msg}`)
        assert(await getText(page) === manifest, 'the link\'s manifest is not in the editor')
        await clusterTab(page)
        assert(await getCluster(page) === CLUSTER_WRONG_TYPE, 'the link\'s cluster is not in the editor')
        const [mark] = await markers(page, 'podbirth', '/cluster.yaml')
        assert(mark?.line === 7 && mark?.column === 10, `no marker at 7:10 on cluster.yaml: ${JSON.stringify(mark)}`)
        if (manifest === BOMB) {
          // The editor's alias guard marks where the aliases pass the limit (editor-hardening.mjs tests it further).
          const [bomb] = await markers(page, 'aliases', '/pod.yaml')
          assert(bomb?.line === 4 && bomb?.column === 8, `no alias marker at 4:8 on pod.yaml: ${JSON.stringify(bomb)}`)
        }
        // The cluster fixed, Apply gets the manifest's own error: the CLI's for the same file.
        await fixCluster(page)
        await apply(page)
        const want = cliSays(manifest)
        await sameAsCli(page, want)
        assert(await getText(page) === manifest, 'the manifest changed')
        await page.screenshot({ path: `${shots}test-results/hostile-link-${manifest === BOMB ? 'bomb' : 'null'}.png` })
        await stillAnswers(page)
      } finally { await context.close() }
    })
  }

  await test('hostile: a shared link that unpacks to 4 MB is refused clearly; the editors keep the texts', async () => {
    const { page, context } = await fresh('/')
    try {
      const text = await getText(page)
      await clusterTab(page)
      const cluster = await getCluster(page)
      await podTab(page)
      // Some 4 KB of link, 4 MB once inflated: share.ts stops inflating at MAX_DECOMPRESSED_BYTES (2 MB).
      await page.evaluate((h) => { location.hash = h }, linkFor({ m: HUGE, s: 1 }))
      await page.waitForFunction(() => !!document.querySelector('p.error[role="alert"]'), null, { timeout: 10000 })
      const msg = await alertText(page)
      const refused = 'This shared link could not be opened: ' +
        'This scenario link is too large to open (over 2 MB once unpacked).'
      assert(msg === refused, `message: ${msg}`)
      assert(await getText(page) === text && await getCluster(page) === cluster, 'a refused link changed the editors')
      await stillAnswers(page)
    } finally { await context.close() }
  })
}
