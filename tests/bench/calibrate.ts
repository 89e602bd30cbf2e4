/**
 * A fixed CPU workload whose time tracks how fast this machine runs JavaScript now, not the engine's code: objects,
 * template strings, a Map, a sort and JSON, as the engine uses them. On a shared VM the same engine run moves by a
 * third within an hour; the bench prints this beside its figures so that two runs' figures can be compared.
 * As a script it runs the workload six times and prints the median of the last five (ms) as one JSON line.
 */
export function workload(): number {
  const start = process.hrtime.bigint()
  const counts = new Map<string, number>()
  const items: { i: number; key: string; v: number }[] = []
  for (let i = 0; i < 200_000; i++) {
    const item = { i, key: `k-${i % 997}`, v: (i * 2_654_435_761) % 1_000_003 }
    items.push(item)
    counts.set(item.key, (counts.get(item.key) ?? 0) + item.v)
  }
  items.sort((a, b) => a.v - b.v || a.i - b.i)
  const text = JSON.stringify(items.slice(0, 50_000))
  const back = JSON.parse(text) as typeof items
  if (back.length !== 50_000 || counts.size !== 997) throw new Error('calibration workload went wrong')
  return Number(process.hrtime.bigint() - start) / 1e6
}

if (/[/\\]calibrate\.(ts|cjs)$/.test(process.argv[1] ?? '')) {
  const runs = Array.from({ length: 6 }, workload).slice(1).sort((a, b) => a - b)
  console.log(JSON.stringify({ ms: runs[2] }))
}
