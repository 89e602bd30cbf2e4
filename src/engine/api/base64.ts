/** Base64 for UTF-8 text, without host globals (the engine has no btoa/atob/Buffer). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** btoa encodes UTF-8 text as base64. */
export function btoa(text: string): string {
  const b = utf8(text)
  let out = ''
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < b.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < b.length ? ALPHABET[n & 63] : '='
  }
  return out
}

/** atobBytes decodes base64 to bytes; null when the text is not base64. */
export function atobBytes(text: string): number[] | null {
  const clean = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null
  const out: number[] = []
  for (let i = 0; i < clean.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (clean[i + k] === '=' ? 0 : ALPHABET.indexOf(clean[i + k])))
    const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3]
    out.push((n >> 16) & 255)
    if (clean[i + 2] !== '=') out.push((n >> 8) & 255)
    if (clean[i + 3] !== '=') out.push(n & 255)
  }
  return out
}

/** atob decodes base64 to text (latin-1 for non-UTF-8 bytes is fine for our uses); null when not base64. */
export function atob(text: string): string | null {
  const b = atobBytes(text)
  if (!b) return null
  let out = ''
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if (c < 0x80) out += String.fromCharCode(c)
    else if (c >= 0xc0 && c < 0xe0 && i + 1 < b.length) out += String.fromCharCode(((c & 31) << 6) | (b[++i] & 63))
    else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length) out += String.fromCharCode(((c & 15) << 12) | ((b[++i] & 63) << 6) | (b[++i] & 63))
    else if (c >= 0xf0 && i + 3 < b.length) out += String.fromCodePoint(((c & 7) << 18) | ((b[++i] & 63) << 12) | ((b[++i] & 63) << 6) | (b[++i] & 63))
    else out += String.fromCharCode(c)
  }
  return out
}
