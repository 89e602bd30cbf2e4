import { describe, expect, it } from 'vitest'
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './tabwriter.ts'

const render = (...writes: [number, string][]) => {
  const w = new PrefixWriter()
  for (const [level, text] of writes) w.write(level, text)
  return w.toString()
}

describe('PrefixWriter over Go text/tabwriter (minwidth 0, padding 2)', () => {
  it('aligns a column across consecutive lines that have the cell, padding 2 past the widest', () => {
    expect(render([LEVEL_0, 'Name:\tnginx\n'], [LEVEL_0, 'Service Account:\tdefault\n'])).toBe(
      'Name:             nginx\nService Account:  default\n',
    )
  })

  it('a line without a tab ends the column block; the next block aligns on its own', () => {
    expect(
      render(
        [LEVEL_0, 'IP:\t10.0.0.1\n'],
        [LEVEL_0, 'IPs:\n'],
        [LEVEL_1, 'IP:\t10.0.0.1\n'],
        [LEVEL_0, 'Containers:\n'],
      ),
    ).toBe('IP:  10.0.0.1\nIPs:\n  IP:  10.0.0.1\nContainers:\n')
  })

  it('the indent is part of the cell, so deeper lines widen the shared column', () => {
    expect(
      render([LEVEL_2, 'State:\tRunning\n'], [LEVEL_2 + 1, 'Started:\tnow\n'], [LEVEL_2, 'Restart Count:\t0\n']),
    ).toBe('    State:          Running\n      Started:      now\n    Restart Count:  0\n')
  })

  it('text after the last tab never widens a column, and trailing spaces in cells are kept', () => {
    expect(render([LEVEL_0, 'Conditions:\n  Type\tStatus\n'], [LEVEL_1, 'Ready \tTrue \n'])).toBe(
      'Conditions:\n  Type    Status\n  Ready   True \n',
    )
  })

  it('flush closes a block: what follows is aligned separately (DescribeEvents)', () => {
    const w = new PrefixWriter()
    w.write(LEVEL_0, 'Tolerations:\t<none>\n')
    w.flush()
    w.write(LEVEL_0, 'Events:\n  Type\tReason\n')
    expect(w.toString()).toBe('Tolerations:  <none>\nEvents:\n  Type  Reason\n')
  })

  // k8s.io/cli-runtime/pkg/printers terminalEscaper: strings.NewReplacer("\x1b", "^[", "\r", "\\r").
  it('escapes ESC and CR as WriteEscaped does', () => {
    expect(render([LEVEL_0, 'Message:\t\x1b[31mred\rX\n'])).toBe('Message:  ^[[31mred\\rX\n')
  })
})
