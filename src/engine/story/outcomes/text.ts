/** Prose helpers shared by the outcomes: lists, quotes, pod names, commands, ordinals, the nearest word. */

export const quote = (s: string) => `"${s}"`

/** list joins words as prose: a, b and c. */
export function list(items: string[], and = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`
}

/** podName: the name of a namespace/name key. */
export const podName = (pod?: string) => pod?.split('/')[1] ?? pod ?? ''
/** podNs: the namespace of a namespace/name key ('' when it has none). */
export const podNs = (pod?: string) => (pod?.includes('/') ? pod.split('/')[0] : '')
export const trimEnd = (s: string) => s.replace(/\s+$/, '')

/** commandLine: a container's command and args as a shell would show them ('' when there are none). */
export function commandLine(argv: string[] | undefined): string {
  return argv?.length ? argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ') : ''
}

/** ordinal: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${s}`
}

/** closest: the candidate with the smallest edit distance to s (case-insensitive), if it is close enough. */
export function closest(s: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = editDistance(s.toLowerCase(), c.toLowerCase())
    if (d < bestD) { bestD = d; best = c }
  }
  return bestD <= Math.max(2, Math.floor(s.length / 3)) ? best : undefined
}

/** editDistance: the Levenshtein distance between a and b. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}
