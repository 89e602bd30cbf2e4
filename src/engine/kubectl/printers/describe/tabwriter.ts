/**
 * The writer under every `kubectl describe`: a PrefixWriter (two spaces per level) feeding one Go text/tabwriter.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go prefixWriter and tabbedString
 * (tabwriter.Init(buf, 0, 8, 2, ' ', 0)), and Go's text/tabwriter Writer.format / writeLines.
 * Go's tabwriter aligns a column only across consecutive lines that all have a tab-terminated cell in it; the text
 * after a line's last tab is no cell and never widens a column. That is why `Name:` and `Tolerations:` share one
 * width while `Mounts:` (no tab) ends the block. Flush starts a new, independently aligned block (DescribeEvents).
 */
import { escapeTerminal } from '../terminal.ts'

/** The PrefixWriter levels of describe.go (LEVEL_0 … LEVEL_4). */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

const runeLength = (s: string) => [...s].length

/** formatBlock is text/tabwriter's format for one flushed block: minwidth 0, padding spaces, no flags. */
function formatBlock(text: string, padding: number): string {
  const rows = text.split('\n')
  // Text after the last '\n' is a line in progress; describe always ends its lines, so it is empty.
  const tail = rows.pop() ?? ''
  const lines = rows.map((r) => r.split('\t'))
  const widths: number[] = []
  const out: string[] = []
  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      out.push(
        lines[i]
          .map((c, j) => (j < widths.length ? c + ' '.repeat(Math.max(0, widths[j] - runeLength(c))) : c))
          .join(''),
      )
    }
  }
  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue
      writeLines(line0, t)
      line0 = t
      let width = 0
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break
        width = Math.max(width, runeLength(lines[t][column]) + padding)
      }
      widths.push(width)
      format(line0, t)
      widths.pop()
      line0 = t
    }
    writeLines(line0, line1)
  }
  format(0, lines.length)
  return out.map((l) => `${l}\n`).join('') + tail
}

/**
 * writeEscaped is k8s.io/cli-runtime/pkg/printers WriteEscaped: terminalEscaper turns ESC into "^[" and CR into "\\r"
 * so object text cannot drive the terminal (kubernetes/kubernetes#101695).
 */
const writeEscaped = escapeTerminal

/** PrefixWriter: Write indents by level; Flush closes the tabwriter block so far. */
export class PrefixWriter {
  private readonly blocks: string[] = []
  private current = ''

  write(level: number, text: string): void {
    this.current += writeEscaped('  '.repeat(level) + text)
  }

  /** writeLine is fmt.Sprintln of one value: the value and a newline, no indentation. */
  writeLine(text: string): void {
    this.current += writeEscaped(`${text}\n`)
  }

  flush(): void {
    this.blocks.push(this.current)
    this.current = ''
  }

  /** raw is the text as written, tabs and all, before the tabwriter aligns it (what describe_test.go compares). */
  raw(): string {
    return [...this.blocks, this.current].join('')
  }

  /** String is what tabbedString returns once the tabwriter is flushed. */
  toString(): string {
    return [...this.blocks, this.current].map((b) => formatBlock(b, 2)).join('')
  }
}
