/**
 * Go formatting helpers the describer uses.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go translateTimestampSince, translateMicroTimestampSince,
 * printBool, stringOrNone; Go's time.RFC1123Z layout.
 * Simplified: times print in UTC (+0000), as kubectl run with TZ=UTC prints them; kubectl uses its local zone.
 */
import { humanDuration } from '../humanDuration.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** The zero metav1.Time formatted with RFC1123Z, which is what describe prints for an absent startedAt. */
export const ZERO_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000'

/** parseTime reads an RFC 3339 timestamp; undefined for the zero time (absent or empty). */
export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined
  const t = Date.parse(s)
  return Number.isNaN(t) ? undefined : t
}

/** rfc1123z formats an RFC 3339 time as Go's time.RFC1123Z in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"). */
export function rfc1123z(s: string | undefined | null): string {
  const t = parseTime(s)
  if (t === undefined) return ZERO_RFC1123Z
  const d = new Date(t)
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`
}

/** translateTimestampSince: `<unknown>` for the zero time, else HumanDuration(now - t). */
export function translateTimestampSince(s: string | undefined | null, nowMs: number): string {
  const t = parseTime(s)
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t)
}

export const printBool = (v: boolean | undefined): string => (v ? 'True' : 'False')

export const stringOrNone = (s: string): string => (s.length > 0 ? s : '<none>')
