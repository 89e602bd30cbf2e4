/**
 * tabwrite aligns a table's cells as Go's text/tabwriter does for rows that all have the same cells: each column as
 * wide as max(minwidth, its widest cell + padding), the last cell unpadded. `kubectl get` uses minwidth 6, padding 3
 * (k8s.io/cli-runtime/pkg/printers/tabwriter.go); describe's writer is ./describe/tabwriter.ts.
 */
export function tabwrite(rows: string[][], padding: number, indent = '', minwidth = 0): string {
  const widths: number[] = []
  for (const r of rows)
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, minwidth - padding, [...c].length)
    })
  return rows
    .map(
      (r) =>
        indent +
        r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] + padding - [...c].length))).join(''),
    )
    .join('\n')
}
