/**
 * Workshop scripts: a file of `kubectl …` and `sleep N` lines, written exactly as a presenter runs it against a
 * real cluster with bash, read into data before anything runs.
 *
 * The shell subset follows bash's rules for what it accepts: `#` comments (at the start of a word), blank lines,
 * `\`-newline continuations, '…' (literal), "…" (backslash escapes only $ ` " \ and newline), unquoted backslash
 * escapes, and here-documents `<<EOF`, `<<'EOF'` / `<<"EOF"` (body literal), `<<-EOF` (leading tabs stripped).
 * Accepted and ignored: `set` with shell options (`set -e`, `set -euo pipefail`, `set -x`, `set -o errexit` …),
 * which change nothing in a script of kubectl lines. Everything else — other programs, variables and `$(…)`,
 * pipes, `;`, `&&`, redirections — is refused with its line before anything runs, so a script that runs here
 * runs unchanged on a real cluster with the same meaning.
 */

export interface ScriptFile {
  /** The file as written after -f (relative to the script, as kubectl run from the script's directory reads it). */
  arg: string
  /** The path relative to the working directory the script was named from: dirname(fileName)/arg, normalised. */
  path: string
}

export type ScriptCommand =
  | {
      kind: 'kubectl'
      /** 1-based line where the command starts. */
      line: number
      /** The words after `kubectl`. */
      argv: string[]
      /** The here-document's text (each line with its newline), when the command has one. */
      stdin?: string
      /** The -f/--filename files the command reads (not `-`, not URLs), for the CLI to load. */
      files: ScriptFile[]
    }
  | { kind: 'sleep'; line: number; sleepSeconds: number }

export type ScriptParse = { commands: ScriptCommand[] } | { error: { line: number; message: string } }

interface Heredoc {
  delimiter: string
  quoted: boolean
  stripTabs: boolean
}

interface RawCommand {
  line: number
  words: string[]
  heredocs: string[]
}

class ScriptError extends Error {
  readonly line: number
  constructor(line: number, message: string) {
    super(message)
    this.line = line
  }
}

const OPERATORS = new Set(['|', '&', ';', '>', '<', '(', ')'])

/** tokenize splits the text into commands of words, reading here-document bodies after their command's line. */
function tokenize(text: string): RawCommand[] {
  const lines = text.replaceAll('\r\n', '\n').split('\n')
  const src = lines.join('\n')
  const commands: RawCommand[] = []
  let i = 0
  let line = 1
  let words: string[] = []
  let word = ''
  let inWord = false
  let startLine = 0
  let pending: Heredoc[] = []
  const endWord = (): void => {
    if (inWord) words.push(word)
    word = ''
    inWord = false
  }
  const begin = (): void => {
    if (words.length === 0 && !inWord) startLine = line
    inWord = true
  }
  const expansion = (at: number): void => {
    const next = src[at + 1] ?? ''
    if (/[A-Za-z_{(0-9@*#?$!-]/.test(next)) {
      throw new ScriptError(line, 'shell expansion ($…) is not supported: write the value itself')
    }
  }
  while (i <= src.length) {
    const c = src[i]
    if (c === undefined || c === '\n') {
      endWord()
      const bodies: string[] = []
      let next = i + 1
      let nextLine = line + 1
      for (const h of pending) {
        const r = readHeredoc(src, next, h, nextLine, startLine)
        bodies.push(r.body)
        next = r.next + 1
        nextLine = r.endLine + 1
      }
      if (words.length > 0) commands.push({ line: startLine, words, heredocs: bodies })
      else if (pending.length > 0) throw new ScriptError(line, 'a here-document needs a command')
      words = []
      pending = []
      if (c === undefined) break
      i = next
      line = nextLine
      continue
    }
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        i += 2
        line++
        continue
      }
      begin()
      word += src[i + 1] ?? ''
      i += 2
      continue
    }
    if (c === "'") {
      begin()
      const end = src.indexOf("'", i + 1)
      if (end < 0) throw new ScriptError(line, "unexpected end of file: unterminated '")
      const s = src.slice(i + 1, end)
      word += s
      line += s.split('\n').length - 1
      i = end + 1
      continue
    }
    if (c === '"') {
      begin()
      i++
      for (;;) {
        const d = src[i]
        if (d === undefined) throw new ScriptError(line, 'unexpected end of file: unterminated "')
        if (d === '"') break
        if (d === '\\' && ['$', '`', '"', '\\', '\n'].includes(src[i + 1] ?? '')) {
          if (src[i + 1] === '\n') line++
          else word += src[i + 1]
          i += 2
          continue
        }
        if (d === '$') expansion(i)
        if (d === '`') throw new ScriptError(line, 'command substitution (`…`) is not supported')
        if (d === '\n') line++
        word += d
        i++
      }
      i++
      continue
    }
    if (c === ' ' || c === '\t') {
      endWord()
      i++
      continue
    }
    if (c === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '$') expansion(i)
    if (c === '`') throw new ScriptError(line, 'command substitution (`…`) is not supported')
    if (c === '<' && src[i + 1] === '<' && src[i + 2] !== '<') {
      endWord()
      if (words.length === 0) startLine = line
      i += 2
      const stripTabs = src[i] === '-'
      if (stripTabs) i++
      while (src[i] === ' ' || src[i] === '\t') i++
      const d = readDelimiter(src, i, line)
      pending.push({ delimiter: d.word, quoted: d.quoted, stripTabs })
      i = d.next
      continue
    }
    if (OPERATORS.has(c)) {
      const op = src.slice(i, i + 2)
      const shown = ['&&', '||', '>>', '2>', '&>', '<<'].includes(op) ? op : c
      throw new ScriptError(line, `shell operator "${shown}" is not supported: one kubectl command per line`)
    }
    begin()
    word += c
    i++
  }
  return commands
}

function readDelimiter(src: string, at: number, line: number): { word: string; quoted: boolean; next: number } {
  let i = at
  let word = ''
  let quoted = false
  while (i < src.length && !/[\s|&;<>()]/.test(src[i] ?? '')) {
    const c = src[i] ?? ''
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1)
      if (end < 0) throw new ScriptError(line, `unexpected end of file: unterminated ${c}`)
      word += src.slice(i + 1, end)
      quoted = true
      i = end + 1
    } else if (c === '\\') {
      word += src[i + 1] ?? ''
      quoted = true
      i += 2
    } else {
      word += c
      i++
    }
  }
  if (word === '') throw new ScriptError(line, 'a here-document needs a delimiter word after <<')
  return { word, quoted, next: i }
}

function readHeredoc(
  src: string,
  at: number,
  h: Heredoc,
  firstLine: number,
  commandLine: number,
): { body: string; next: number; endLine: number } {
  const eof = (): ScriptError =>
    new ScriptError(commandLine, `here-document delimited by end-of-file (wanted '${h.delimiter}')`)
  let i = at
  let line = firstLine
  let body = ''
  for (;;) {
    if (i >= src.length) throw eof()
    const nl = src.indexOf('\n', i)
    const end = nl < 0 ? src.length : nl
    let text = src.slice(i, end)
    if (h.stripTabs) text = text.replace(/^\t+/, '')
    if (text === h.delimiter) return { body, next: end, endLine: line }
    if (nl < 0) throw eof()
    body += h.quoted ? text + '\n' : unquotedHeredocLine(text, line)
    i = end + 1
    line++
  }
}

/** An unquoted here-document expands $ and `…` and honours \$ \` \\ and \-newline; we accept only the escapes. */
function unquotedHeredocLine(text: string, line: number): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ''
    if (c === '\\' && ['$', '`', '\\'].includes(text[i + 1] ?? '')) {
      out += text[i + 1]
      i++
    } else if (c === '\\' && i === text.length - 1) {
      return out
    } else if (c === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(text[i + 1] ?? '')) {
      throw new ScriptError(
        line,
        "shell expansion ($…) in a here-document: quote the delimiter (<<'EOF') or write the value",
      )
    } else if (c === '`') {
      throw new ScriptError(line, 'command substitution (`…`) in a here-document is not supported')
    } else out += c
  }
  return out + '\n'
}

const SET_OPTIONS = new Set(['errexit', 'nounset', 'pipefail', 'xtrace', 'verbose', 'noclobber'])

function isShellOptions(words: readonly string[]): boolean {
  if (words[0] !== 'set' || words.length < 2) return false
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? ''
    if (!/^[-+][euxvC]*o?$/.test(w) || w.length < 2) return false
    // `-o NAME` (also at the end of a group: `-euo pipefail`) names a long option.
    if (w.endsWith('o')) {
      if (!SET_OPTIONS.has(words[i + 1] ?? '')) return false
      i++
    }
  }
  return true
}

/** GNU sleep's NUMBER[SUFFIX]; decimals allowed. */
function sleepSeconds(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1
  return Number(m[1]) * unit
}

function normalizePath(p: string): string {
  const abs = p.startsWith('/')
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else if (part !== '..' || !abs) out.push(part)
  }
  const joined = out.join('/')
  return abs ? `/${joined}` : joined === '' ? '.' : joined
}

/** filesOf finds -f/--filename values (comma lists, as the flag is a string slice). */
function filesOf(argv: readonly string[], fileName: string): ScriptFile[] {
  const slash = fileName.lastIndexOf('/')
  const dir = slash >= 0 ? fileName.slice(0, slash) : '.'
  const values: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') break
    if (a === '-f' || a === '--filename') values.push(argv[++i] ?? '')
    else if (a.startsWith('--filename=')) values.push(a.slice('--filename='.length))
    else if (a.startsWith('-f=')) values.push(a.slice(3))
    else if (/^-f./.test(a)) values.push(a.slice(2))
  }
  return values
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '' && v !== '-' && !/^https?:\/\//.test(v))
    .map((arg) => ({ arg, path: arg.startsWith('/') ? normalizePath(arg) : normalizePath(`${dir}/${arg}`) }))
}

/** parseScript reads a workshop script; the first line it does not understand is the error. */
export function parseScript(text: string, fileName: string): ScriptParse {
  let raw: RawCommand[]
  try {
    raw = tokenize(text)
  } catch (e) {
    if (e instanceof ScriptError) return { error: { line: e.line, message: e.message } }
    throw e
  }
  const commands: ScriptCommand[] = []
  for (const c of raw) {
    const [program = '', ...rest] = c.words
    if (c.heredocs.length > 1) return { error: { line: c.line, message: 'one here-document per command' } }
    if (program === 'kubectl') {
      const cmd: ScriptCommand = { kind: 'kubectl', line: c.line, argv: rest, files: filesOf(rest, fileName) }
      const stdin = c.heredocs[0]
      commands.push(stdin === undefined ? cmd : { ...cmd, stdin })
      continue
    }
    if (c.heredocs.length > 0) return { error: { line: c.line, message: `a here-document is only read by kubectl` } }
    if (program === 'sleep') {
      const s = rest.length === 1 ? sleepSeconds(rest[0] ?? '') : undefined
      if (s === undefined)
        return { error: { line: c.line, message: `sleep takes one duration in seconds: sleep ${rest.join(' ')}` } }
      commands.push({ kind: 'sleep', line: c.line, sleepSeconds: s })
      continue
    }
    if (isShellOptions(c.words)) continue
    return {
      error: { line: c.line, message: `podbirth runs kubectl and sleep lines only, not "${program}"` },
    }
  }
  return { commands }
}

/** shellQuote writes a word so bash reads it back unchanged. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replaceAll("'", `'\\''`)}'`
}

function formatSeconds(s: number): string {
  return Number.isInteger(s) ? String(s) : String(Number(s.toFixed(6)))
}

/** formatScript writes a session back as a script that parseScript (and bash) read as the same commands. */
export function formatScript(commands: readonly ScriptCommand[]): string {
  let out = ''
  for (const c of commands) {
    if (c.kind === 'sleep') {
      out += `sleep ${formatSeconds(c.sleepSeconds)}\n`
      continue
    }
    const line = ['kubectl', ...c.argv].map(shellQuote).join(' ')
    if (c.stdin === undefined) {
      out += line + '\n'
      continue
    }
    const body = c.stdin.endsWith('\n') || c.stdin === '' ? c.stdin : c.stdin + '\n'
    const bodyLines = new Set(body.split('\n'))
    let delimiter = 'EOF'
    for (let n = 2; bodyLines.has(delimiter); n++) delimiter = `EOF${n}`
    out += `${line} <<'${delimiter}'\n${body}${delimiter}\n`
  }
  return out
}
