// End-to-end tests of the editor against YAML alias bombs (issue #18): the language worker never gets a bomb, so
// validation keeps working, and the editor marks where the engine stops. Each test opens its own page.

import { deflateSync } from 'node:zlib'
import { pages } from './pages.mjs'

/** The issue's bomb: nine levels of nine aliases (387 million scalars once expanded), 324 characters. */
export const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n') + '\n'
/** A normal pod with a syntax error the worker flags (an unclosed flow sequence). */
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: [\n'

/** A share link's fragment as src/app/share.ts builds it: `#s=v1.` + base64url(zlib deflate(JSON)). */
export function shareFragment(manifest, seed = 1) {
  const packed = deflateSync(Buffer.from(JSON.stringify({ m: manifest, s: seed })))
  return `#s=v1.${packed.toString('base64url')}`
}

/** editorHardeningTests runs the editor's alias-bomb tests with run.mjs's `test` and `assert`. */
export async function editorHardeningTests({ browser, ORIGIN, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  const language = (page) => page.evaluate(() => window.__podbirthEditor.getModel().getLanguageId())
  /** The pod model's markers of one owner ('yaml': the worker; 'aliases': the guard; 'kubectl': Apply's error). */
  const markers = (page, owner) => page.evaluate((o) => window.__monaco.editor.getModelMarkers({ owner: o, resource: window.__podbirthEditor.getModel().uri })
    .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })), owner)
  /** The worker is alive: a syntax error typed now gets its marker within a few seconds. */
  async function workerAnswers(page, when) {
    await page.evaluate((t) => window.__podbirthEditor.setValue(t), BROKEN)
    await page.waitForFunction(() => window.__monaco.editor.getModelMarkers({ owner: 'yaml', resource: window.__podbirthEditor.getModel().uri }).length > 0, null, { timeout: 5000 })
      .catch(() => { throw new Error(`no marker from the YAML worker within 5 s ${when}: it is pinned`) })
    assert(await language(page) === 'yaml', 'normal YAML is not handed to monaco-yaml')
  }

  await test('editor: a shared link with an alias bomb does not pin the YAML worker, and the bomb is marked', async () => {
    const { page, context } = await fresh(`/${shareFragment(BOMB)}`)
    try {
      await page.waitForFunction((b) => window.__podbirthEditor.getValue() === b, BOMB, { timeout: 10000 })
      assert(await language(page) === 'yaml-unchecked', `the bomb is still YAML for monaco-yaml: ${await language(page)}`)
      const [mark] = await markers(page, 'aliases')
      assert(mark && mark.line === 4 && mark.column === 8, `no alias marker at 4:8: ${JSON.stringify(mark)}`)
      assert(/yaml: document contains excessive aliasing/.test(mark.message), mark.message)
      await workerAnswers(page, '#1')
      assert((await markers(page, 'aliases')).length === 0, 'the alias marker stays after the text was fixed')
    } finally { await context.close() }
  })

  await test('editor: typing a bomb over normal YAML takes it from the worker before it validates; reload keeps it away', async () => {
    const { page, context } = await fresh('/')
    try {
      await workerAnswers(page, '#2')
      // The switch happens in the same change: monaco-yaml's validation (500 ms later) never starts.
      const after = await page.evaluate((b) => { window.__podbirthEditor.setValue(b); return window.__podbirthEditor.getModel().getLanguageId() }, BOMB)
      assert(after === 'yaml-unchecked', `language right after the bomb was typed: ${after}`)
      await page.waitForTimeout(1500)
      assert((await markers(page, 'yaml')).length === 0, 'the worker validated the bomb')
      // Fixed again: the worker checks the text at once (a fresh worker, not one still busy with the bomb).
      await workerAnswers(page, '#3')
      // The text is kept: a reload with the bomb kept opens it unchecked, and the worker still answers.
      await page.evaluate((b) => window.__podbirthEditor.setValue(b), BOMB)
      await page.waitForTimeout(1200)
      await page.reload()
      await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 })
      if (await page.evaluate((b) => window.__podbirthEditor.getValue() === b, BOMB)) {
        assert(await language(page) === 'yaml-unchecked', 'the kept bomb was handed to the worker on reload')
      }
      await workerAnswers(page, '#4')
    } finally { await context.close() }
  })

  await test('editor: Apply on a bomb gives the engine\'s alias error with its line and column', async () => {
    const { page, context } = await fresh('/')
    try {
      await page.evaluate((b) => window.__podbirthEditor.setValue(b), BOMB)
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.waitForFunction(() => /alias/i.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), null, { timeout: 15000 })
        .catch(() => { throw new Error('kubectl output never names the aliases') })
      const out = await page.getByLabel('kubectl output').innerText()
      assert(/excessive aliasing/.test(out), `kubectl output: ${out}`)
      await page.waitForFunction(() => window.__monaco.editor.getModelMarkers({ owner: 'kubectl', resource: window.__podbirthEditor.getModel().uri }).length > 0, null, { timeout: 5000 })
      const [mark] = await markers(page, 'kubectl')
      assert(mark.line >= 1 && mark.column >= 1 && /alias/.test(mark.message), `kubectl marker: ${JSON.stringify(mark)}`)
      await workerAnswers(page, '#5')
    } finally { await context.close() }
  })

  await test('editor: the YAML worker\'s checks wait while a large apply streams, and arrive once it has ended', async () => {
    const { page, context } = await fresh('/')
    try {
      await page.getByRole('tab', { name: 'Cluster' }).click()
      await page.getByLabel('Cluster preset').selectOption('huge')
      await page.getByRole('tab', { name: 'Pod manifest' }).click()
      // 300 pods and one whose restartPolicy the schema refuses (kubectl refuses that one, creates the rest).
      const pod = (i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n`
      const text = `${Array.from({ length: 300 }, (_, i) => pod(i)).join('---\n')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: odd\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx:1.27\n`
      // Set and applied in one task, as a paste and Ctrl+Enter: the worker's validation falls due 500 ms later,
      // inside the run, and must wait for its end.
      const seen = await page.evaluate(async (t) => {
        const model = window.__podbirthEditor.getModel()
        const yamlMarkers = () => window.__monaco.editor.getModelMarkers({ owner: 'yaml', resource: model.uri }).length
        window.__podbirthEditor.setValue(t)
        document.querySelector('.controls button:first-child').click()
        const running = () => document.querySelector('.controls button:first-child')?.hasAttribute('disabled')
        let early = 0
        let ranFor = 0
        const start = performance.now()
        while (performance.now() - start < 30000) {
          await new Promise((r) => requestAnimationFrame(r))
          if (!running()) break
          ranFor = performance.now() - start
          if (yamlMarkers() > 0) early++
        }
        return { early, ranFor }
      }, text)
      assert(seen.early === 0, `the worker's markers came while the run streamed (${seen.early} frames)`)
      await page.waitForFunction(() => window.__monaco.editor.getModelMarkers({ owner: 'yaml', resource: window.__podbirthEditor.getModel().uri })
        .some((m) => /Sometimes|Always/.test(m.message)), null, { timeout: 8000 })
        .catch(() => { throw new Error(`no schema marker within 8 s after the run (it ran ${Math.round(seen.ranFor)} ms)`) })
      const out = await page.getByLabel('kubectl output').innerText()
      assert(/pod\/web-299 created/.test(out) && /Unsupported value: "Sometimes"/.test(out), `kubectl output: ${out.slice(-400)}`)
    } finally { await context.close() }
  })
}
