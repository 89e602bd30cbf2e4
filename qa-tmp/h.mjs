import { chromium } from 'playwright-core'
export const ORIGIN = 'http://127.0.0.1:4300'
export async function open(opts = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  const ctx = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 720 }, colorScheme: opts.colorScheme, reducedMotion: opts.reducedMotion, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await ctx.newPage()
  const log = { offsite: [], errors: [], dialogs: [] }
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) log.offsite.push(u) })
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.errors.push(m.type() + ': ' + m.text()) })
  page.on('pageerror', (e) => log.errors.push('pageerror: ' + String(e)))
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss() })
  if (!opts.noGoto) { await page.goto(ORIGIN); await page.waitForFunction(() => !!window.__podbirthEditor, null, { timeout: 20000 }) }
  const h = {
    browser, ctx, page, log,
    setText: (t) => page.evaluate((x) => window.__podbirthEditor.setValue(x), t),
    getText: () => page.evaluate(() => window.__podbirthEditor.getValue()),
    apply: async (waitRe) => { await page.getByRole('button', { name: 'Apply', exact: true }).click(); if (waitRe) await page.waitForFunction((r) => new RegExp(r).test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''), waitRe, { timeout: 20000 }) ; else await page.waitForTimeout(3000) },
    out: () => page.getByLabel('kubectl output').innerText().catch(() => '<none>'),
    shot: (n) => page.screenshot({ path: `/tmp/qa/${n}.png` }),
    close: async () => { console.log('LOG', JSON.stringify(log)); await browser.close() },
  }
  return h
}
