/**
 * goDuration formats milliseconds as Go's time.Duration.String() does for values truncated to milliseconds
 * (the kubelet's Pulled event): 806ms, 1.462s, 30.68s, 1m2.003s.
 */
export function goDuration(ms: number): string {
  const total = Math.trunc(ms)
  if (total === 0) return '0s'
  if (total < 1000) return `${total}ms`
  const h = Math.floor(total / 3_600_000)
  const m = Math.floor((total % 3_600_000) / 60_000)
  const sMs = total % 60_000
  const secs = `${Math.floor(sMs / 1000)}${
    sMs % 1000
      ? `.${String(sMs % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
      : ''
  }s`
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${secs}`
}
