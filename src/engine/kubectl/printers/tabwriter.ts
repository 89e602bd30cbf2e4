/** tabwrite aligns cells as Go's text/tabwriter does with minwidth 0 and the given padding (spaces). */
export function tabwrite(rows: string[][], padding: number, indent = ''): string {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length) })
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + padding))).join('')).join('\n')
}
