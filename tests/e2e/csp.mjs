// End-to-end test of the Content-Security-Policy header that `vite preview` (`npm start`) sends: the meta tag's
// policy plus frame-ancestors 'none' (which a meta CSP cannot carry), and a page that still loads under it.

import { pages } from './pages.mjs'

/** cspTests checks the header on the document and the app's assets, and that the app runs with it enforced. */
export async function cspTests({ browser, ORIGIN, test, assert, watch }) {
  // This page's own console is checked below: the framing refusal is the error it expects, so the harness's
  // "no console errors" watch only sees its requests.
  const quiet = (p) => watch({ on: (event, fn) => (event === 'request' ? p.on(event, fn) : undefined) })
  const { fresh } = pages({ browser, ORIGIN, watch: quiet })
  await test('the preview server sends the CSP as a header, with frame-ancestors none', async () => {
    const res = await fetch(ORIGIN)
    const header = res.headers.get('content-security-policy') ?? ''
    const html = await res.text()
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    assert(meta.length > 0, 'the meta CSP tag is gone (static hosting needs it)')
    assert(!meta.includes('frame-ancestors'), 'frame-ancestors in the meta tag, where browsers ignore it')
    assert(header === `${meta}; frame-ancestors 'none'`, `header: ${header}`)
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
      assert(header.includes(d), `header lacks ${d}`)
    }
    const asset = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
    assert(!!asset, 'no script in index.html')
    const a = await fetch(new URL(asset, ORIGIN))
    const assetCsp = a.headers.get('content-security-policy') ?? ''
    assert(a.ok && assetCsp.includes("frame-ancestors 'none'"), 'asset without the header')
  })
  await test('the app runs under the header, and refuses to be framed', async () => {
    const violations = []
    const { page, context } = await fresh('/')
    page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()) })
    await page.reload()
    await page.getByRole('button', { name: 'Apply', exact: true }).waitFor({ timeout: 20000 })
    await page.setContent(`<iframe src="${ORIGIN}/" style="width:400px;height:300px"></iframe>`)
    await page.waitForTimeout(1500)
    const frame = page.frames().find((f) => f !== page.mainFrame())
    const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : ''
    assert(!framedText.includes('Apply'), 'the app rendered inside a frame')
    const all = violations.join(' | ')
    assert(violations.some((v) => v.includes('frame-ancestors')), `no frame-ancestors refusal: ${all}`)
    assert(violations.every((v) => v.includes('frame-ancestors')), `CSP violations: ${all}`)
    await context.close()
  })
}
