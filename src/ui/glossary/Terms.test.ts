import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { splitTerms, WithTerms } from './Terms.tsx'

describe('WithTerms', () => {
  const text = 'The kubelet asks the container runtime for a sandbox: a "pause" container <b>holds</b> it & the kubelet waits.'

  it('cuts a text at its terms and keeps every character', () => {
    const parts = splitTerms(text)
    expect(parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(text)
    expect(parts.filter((p) => typeof p !== 'string').map((p) => (typeof p === 'string' ? '' : p.entry.term))).toEqual(['kubelet', 'container runtime', 'sandbox', 'pause container'])
    expect(splitTerms(text)).toBe(parts)
  })

  it('renders each term as a button described by its definition, in a tooltip with a docs link, as text only', () => {
    const html = renderToStaticMarkup(createElement(WithTerms, { text }))
    expect(html.match(/<button/g)).toHaveLength(4)
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) expect(html).toContain(`id="${m[1]}"`)
    expect(html.match(/role="tooltip"/g)).toHaveLength(4)
    expect(html).toContain('href="https://kubernetes.io/docs/')
    // The text's markup-like characters stay text.
    expect(html).toContain('&lt;b&gt;holds&lt;/b&gt; it &amp; the kubelet waits.')
  })
})
