import { describe, expect, it } from 'vitest'
import { tabwrite } from './tabwriter.ts'

describe('tabwrite (text/tabwriter for uniform tables)', () => {
  it('pads each column to its widest cell plus padding; the last column is not padded', () => {
    expect(tabwrite([['NAME', 'READY'], ['nginx', '1/1']], 3)).toBe('NAME    READY\nnginx   1/1')
  })

  // k8s.io/cli-runtime/pkg/printers/tabwriter.go: tabwriterMinWidth 6, tabwriterPadding 3.
  it('never makes a column narrower than minwidth (kubectl get: 6)', () => {
    expect(tabwrite([['A', 'B'], ['x', 'y']], 3, '', 6)).toBe('A     B\nx     y')
  })
})
