/**
 * A fast path for the plain YAML most manifests and cluster files are written in: block mappings and sequences,
 * one-line flow collections, plain and one-line quoted scalars, comments, `---`. It gives exactly what
 * `parseAllDocuments(text, YAML_PARSE_OPTIONS).map((d) => d.toJS())` gives (yaml 2.x, YAML 1.2 core schema), and
 * `undefined` — "ask the yaml package" — for anything else or anything that might be an error, so errors and odd
 * inputs keep their messages. Why: the yaml package builds a CST, nodes and then JS values; 1,000 pods took
 * ~280 ms, the 600-node cluster file ~300 ms. yamlFast.test.ts checks it against the yaml package, differentially.
 */

import {
  COLON, DASH, DQUOTE, HASH, MARKER, OUT, REFUSED, SPACE, SQUOTE, isFlowIndicator, isIndicator, resolvePlain, setKey,
} from './yamlFastScalars.ts'

/** One document: its value as toJS gives it, and the 1-based line its contents start on (of `---` when empty). */
export interface FastDocument { value: unknown; line: number }

/** One document's parse over its content lines (blank and comment lines already dropped). */
class Parser {
  /** Index into `lines` of the line being read. */
  li = 0
  /** Offset just past the last scalar or flow collection read by an inline reader. */
  pos = 0
  /** Set by plainBlock: whether the plain text ended at a `: ` (or `:` at the end of the line), i.e. is a key. */
  isKey = false
  readonly text: string
  /** The document's content lines (indices into starts, ends and indents). */
  readonly lines: number[]
  readonly starts: number[]
  readonly ends: number[]
  readonly indents: number[]
  constructor(text: string, lines: number[], starts: number[], ends: number[], indents: number[]) {
    this.text = text
    this.lines = lines
    this.starts = starts
    this.ends = ends
    this.indents = indents
  }

  /**
   * A block node whose first line is `lines[li]`. `child`: it is the value of a `key:` or `-` on an earlier line;
   * a scalar there is left to the yaml package (it folds a less indented line into it after a comment line).
   */
  node(child: boolean): unknown {
    const l = this.lines[this.li]
    const from = this.starts[l] + this.indents[l]
    return this.nodeAt(from, this.indents[l], this.ends[l], child)
  }

  /** A block node starting at offset `from` (column `col`) of the current line. */
  nodeAt(from: number, col: number, end: number, child: boolean): unknown {
    if (this.isItem(from, end)) return this.seq(col)
    if (this.keyAt(from, end) !== undefined) return this.map(col, from)
    if (child) throw OUT
    const value = this.inline(from, end)
    this.li++
    return value
  }

  /** keyAt returns the key's value when the line holds `key:` at `from` (this.pos then just past the colon). */
  keyAt(from: number, end: number): unknown {
    const t = this.text
    const c = t.charCodeAt(from)
    if (c === DQUOTE || c === SQUOTE) {
      const s = c === DQUOTE ? this.doubleQuoted(from, end) : this.singleQuoted(from, end)
      const p = this.pos
      if (t.charCodeAt(p) !== COLON || (p + 1 < end && t.charCodeAt(p + 1) !== SPACE)) return undefined
      if (p - from > 1000) throw OUT // the yaml package refuses implicit keys over 1024 characters
      this.pos = p + 1
      return s
    }
    if (c === 0x5b || c === 0x7b) return undefined
    const stop = this.plainBlock(from, end)
    if (!this.isKey) return undefined
    if (t.charCodeAt(stop - 1) === SPACE || stop - from > 1000) throw OUT
    this.pos = stop + 1
    return resolvePlain(t.substring(from, stop))
  }

  /** A block mapping at column `col`; its first key is at `from` on the current line. */
  map(col: number, from: number): Record<string, unknown> {
    const t = this.text
    const out: Record<string, unknown> = {}
    for (;;) {
      const l = this.lines[this.li]
      const end = this.ends[l]
      const key = this.keyAt(from, end)
      if (key === undefined) throw OUT
      let p = this.pos
      while (p < end && t.charCodeAt(p) === SPACE) p++
      let value: unknown = null
      if (p === end || t.charCodeAt(p) === HASH) {
        this.li++
        if (this.li < this.lines.length) {
          const n = this.lines[this.li]
          const ind = this.indents[n]
          const at = this.starts[n] + ind
          if (ind > col) value = this.node(true)
          else if (ind === col && this.isItem(at, this.ends[n])) value = this.seq(col) // `- item`s at the key's column
        }
      } else {
        value = this.inline(p, end)
        this.li++
      }
      setKey(out, key, value)
      if (this.li >= this.lines.length) return out
      const n = this.lines[this.li]
      const ind = this.indents[n]
      if (ind < col) return out
      if (ind > col) throw OUT
      from = this.starts[n] + ind
    }
  }

  /** isItem: a `-` at `p` followed by a space or the end of the line starts a sequence item. */
  isItem(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SPACE)
  }

  /** A block sequence at column `col`, from the current line. */
  seq(col: number): unknown[] {
    const t = this.text
    const out: unknown[] = []
    for (;;) {
      const l = this.lines[this.li]
      const end = this.ends[l]
      let p = this.starts[l] + col + 1
      while (p < end && t.charCodeAt(p) === SPACE) p++
      if (p === end || t.charCodeAt(p) === HASH) {
        this.li++
        const n = this.lines[this.li]
        out.push(this.li < this.lines.length && this.indents[n] > col ? this.node(true) : null)
      } else if (this.isItem(p, end)) {
        throw OUT // `- - x`: a compact nested sequence
      } else {
        out.push(this.nodeAt(p, p - this.starts[l], end, false))
      }
      if (this.li >= this.lines.length) return out
      const n = this.lines[this.li]
      const ind = this.indents[n]
      if (ind < col) return out
      if (ind > col) throw OUT
      const at = this.starts[n] + ind
      // A line at this column that is not an item ends the sequence: the mapping it is the value of goes on.
      if (!this.isItem(at, this.ends[n])) return out
    }
  }

  /** A scalar or flow collection filling the rest of the line from `p` (a trailing comment allowed). */
  inline(p: number, end: number): unknown {
    const t = this.text
    const c = t.charCodeAt(p)
    let value: unknown
    if (c === DQUOTE) value = this.doubleQuoted(p, end)
    else if (c === SQUOTE) value = this.singleQuoted(p, end)
    else if (c === 0x5b || c === 0x7b) value = this.flow(p, end)
    else {
      const stop = this.plainBlock(p, end)
      if (this.isKey) throw OUT // `a: b: c`, or a key where a value belongs
      return resolvePlain(t.substring(p, stop))
    }
    this.rest(this.pos, end)
    return value
  }

  /** rest refuses anything but spaces and a comment after a value. */
  rest(p: number, end: number): void {
    const t = this.text
    const from = p
    while (p < end && t.charCodeAt(p) === SPACE) p++
    if (p < end && (t.charCodeAt(p) !== HASH || p === from)) throw OUT
  }

  /**
   * plainBlock scans a plain scalar in block context from `p`; returns where its text ends (trailing spaces
   * dropped) and sets isKey when it ended at `: ` or a final `:`.
   */
  plainBlock(p: number, end: number): number {
    const t = this.text
    const c = t.charCodeAt(p)
    if (isIndicator(c) && !(c === DASH && p + 1 < end && t.charCodeAt(p + 1) !== SPACE)) throw OUT
    let q = p
    let last = p // just past the last non-space character
    this.isKey = false
    for (; q < end; q++) {
      const ch = t.charCodeAt(q)
      if (ch === SPACE) {
        if (t.charCodeAt(q + 1) === HASH && q + 1 < end) break
        continue
      }
      if (ch === COLON && (q + 1 === end || t.charCodeAt(q + 1) === SPACE)) {
        this.isKey = true
        return q
      }
      last = q + 1
    }
    return last
  }

  /** A double-quoted scalar on one line; only the escapes \\ \" \n \t are taken. this.pos: past the quote. */
  doubleQuoted(p: number, end: number): string {
    const t = this.text
    let q = p + 1
    let escaped = false
    for (; q < end; q++) {
      const ch = t.charCodeAt(q)
      if (ch === DQUOTE) break
      if (ch === 0x5c) {
        const e = t.charCodeAt(q + 1)
        if (e !== 0x5c && e !== DQUOTE && e !== 0x6e && e !== 0x74) throw OUT
        escaped = true
        q++
      }
    }
    if (q >= end) throw OUT
    this.pos = q + 1
    const raw = t.substring(p + 1, q)
    if (!escaped) return raw
    return raw.replace(/\\(.)/g, (_m, e: string) => (e === 'n' ? '\n' : e === 't' ? '\t' : e))
  }

  /** A single-quoted scalar on one line (`''` is a quote). this.pos: past the closing quote. */
  singleQuoted(p: number, end: number): string {
    const t = this.text
    let q = p + 1
    let doubled = false
    for (; q < end; q++) {
      if (t.charCodeAt(q) !== SQUOTE) continue
      if (t.charCodeAt(q + 1) === SQUOTE && q + 1 < end) {
        doubled = true
        q++
      } else break
    }
    if (q >= end) throw OUT
    this.pos = q + 1
    const raw = t.substring(p + 1, q)
    return doubled ? raw.replaceAll("''", "'") : raw
  }

  /** A flow collection closed on this line, at `p` (`[` or `{`). this.pos: past its closing bracket. */
  flow(p: number, end: number): unknown {
    const t = this.text
    const isMap = t.charCodeAt(p) === 0x7b
    const close = isMap ? 0x7d : 0x5d
    const seq: unknown[] = []
    const map: Record<string, unknown> = {}
    p = this.skip(p + 1, end)
    if (t.charCodeAt(p) === close) {
      this.pos = p + 1
      return isMap ? map : seq
    }
    for (;;) {
      if (isMap) {
        const c = t.charCodeAt(p)
        let key: unknown
        if (c === DQUOTE) key = this.doubleQuoted(p, end)
        else if (c === SQUOTE) key = this.singleQuoted(p, end)
        else {
          const stop = this.plainFlow(p, end)
          key = resolvePlain(t.substring(p, stop))
        }
        const q = this.pos
        if (t.charCodeAt(q) !== COLON || t.charCodeAt(q + 1) !== SPACE || q + 1 >= end) throw OUT
        p = this.skip(q + 2, end)
        setKey(map, key, this.flowValue(p, end))
      } else seq.push(this.flowValue(p, end))
      p = this.skip(this.pos, end)
      const c = t.charCodeAt(p)
      if (c === close) {
        this.pos = p + 1
        return isMap ? map : seq
      }
      if (c !== 0x2c) throw OUT
      p = this.skip(p + 1, end)
      const n = t.charCodeAt(p)
      if (p >= end || n === 0x2c || n === 0x5d || n === 0x7d) throw OUT // `[a, ]`, `[a,,b]`: left to yaml
    }
  }

  /** A value inside a flow collection: quoted, nested flow, or plain. this.pos: past it. */
  flowValue(p: number, end: number): unknown {
    const t = this.text
    const c = t.charCodeAt(p)
    if (c === DQUOTE) return this.doubleQuoted(p, end)
    if (c === SQUOTE) return this.singleQuoted(p, end)
    if (c === 0x5b || c === 0x7b) return this.flow(p, end)
    const stop = this.plainFlow(p, end)
    if (t.charCodeAt(this.pos) === COLON) throw OUT // `[a: b]` or `{a: b: c}`
    return resolvePlain(t.substring(p, stop))
  }

  /**
   * plainFlow scans a plain scalar inside a flow collection: it ends at `,[]{}` or at a `:` before a space, a flow
   * indicator or the end. Returns the end of its text (trailing spaces dropped); this.pos: where scanning stopped.
   */
  plainFlow(p: number, end: number): number {
    const t = this.text
    const c = t.charCodeAt(p)
    if (p >= end || isIndicator(c) && !(c === DASH && p + 1 < end && t.charCodeAt(p + 1) !== SPACE
      && !isFlowIndicator(t.charCodeAt(p + 1)))) throw OUT
    let q = p
    let last = p
    for (; q < end; q++) {
      const ch = t.charCodeAt(q)
      if (ch === SPACE) {
        if (t.charCodeAt(q + 1) === HASH) throw OUT // a comment inside a flow collection
        continue
      }
      if (isFlowIndicator(ch)) break
      if (ch === COLON) {
        const n = t.charCodeAt(q + 1)
        if (q + 1 >= end || n === SPACE || isFlowIndicator(n)) break
      }
      last = q + 1
    }
    if (q >= end) throw OUT // unclosed on this line
    this.pos = q
    return last
  }

  skip(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SPACE) p++
    return p
  }
}

/**
 * fastDocuments returns every document's value and line as the yaml package gives them, or undefined when the text
 * leaves the subset (then the caller parses it with the yaml package, errors and all).
 */
export function fastDocuments(text: string): FastDocument[] | undefined {
  if (REFUSED.test(text)) return undefined
  const starts: number[] = []
  const ends: number[] = []
  const indents: number[] = []
  const docs: FastDocument[] = []
  // Content lines of the current document; `marker`: the line (0-based) of its `---`, -1 when it has none.
  let lines: number[] = []
  let marker = -1
  const finish = (): void => {
    if (lines.length === 0) {
      if (marker >= 0) docs.push({ value: null, line: marker + 1 })
      return
    }
    const parser = new Parser(text, lines, starts, ends, indents)
    const value = parser.node(false)
    if (parser.li < lines.length) throw OUT
    docs.push({ value, line: lines[0] + 1 })
  }
  try {
    let start = 0
    for (let l = 0; start <= text.length; l++) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      let p = start
      while (p < end && text.charCodeAt(p) === SPACE) p++
      starts.push(start)
      ends.push(end)
      indents.push(p - start)
      const c = text.charCodeAt(p)
      if (p === start && (c === DASH || c === 0x2e || c === 0x25) && text.startsWith(c === DASH ? '---' : c === 0x25
        ? '%' : '...', p)) {
        if (c !== DASH || !MARKER.test(text.substring(start, end))) throw OUT
        finish()
        lines = []
        marker = l
      } else if (p < end && c !== HASH) lines.push(l)
      start = end + 1
    }
    finish()
  } catch (e) {
    if (e === OUT) return undefined
    throw e
  }
  return docs
}
