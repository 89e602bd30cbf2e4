/**
 * The file checks a probe or hook can run in a container — `cat F`, `ls F`, `test -e F`, `[ -f F ]`, alone or in
 * `sh -c` — answered from the files the container's own command created or removed (process.ts fileEvents).
 * Messages are those of the image's tools: BusyBox (busybox, alpine images) or GNU coreutils (Debian-based ones),
 * e.g. the docs' liveness example: `cat: can't open '/tmp/healthy': No such file or directory`.
 */
import type { Micros } from '../../sim/kernel.ts'
import { ms } from '../../sim/kernel.ts'
import type { FileEvent } from './process.ts'

export type Flavour = 'busybox' | 'gnu'

/** flavourOf: BusyBox tools in busybox and alpine images, GNU coreutils elsewhere. */
export function flavourOf(image: string | undefined): Flavour {
  return /busybox|alpine/.test(image ?? '') ? 'busybox' : 'gnu'
}

/**
 * existsAt: whether `path` exists at `now` in a container started at `startedAt` whose command did `events`.
 * Simplified: the image's own files are not modelled. A path the command never touches exists unless it is under
 * /tmp or /run (empty when a container starts), so `cat /etc/nginx/nginx.conf` succeeds and `cat /tmp/healthy`
 * fails until something creates it.
 */
export function existsAt(events: readonly FileEvent[], startedAt: Micros, now: Micros, path: string): boolean {
  const mine = events.filter((e) => e.path === path)
  if (!mine.length) return !/^\/(tmp|run|var\/run)\//.test(path)
  let exists = false
  for (const e of mine) if (startedAt + ms(e.atMs) <= now) exists = e.exists
  return exists
}

/** What a file check answers: its exit code and what it wrote. */
export interface CheckResult {
  code: number
  output: string
}

const missing = (flavour: Flavour, tool: 'cat' | 'ls', path: string): string => {
  if (tool === 'cat') return flavour === 'busybox' ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`
  return flavour === 'busybox' ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`
}

/** checkOne answers one command, or undefined when it is not a file check. */
function checkOne(words: string[], exists: (path: string) => boolean, flavour: Flavour): CheckResult | undefined {
  const bin = words[0]?.split('/').pop()
  const args = words.slice(1).filter((w) => !w.startsWith('-') && w !== ']')
  if (bin === 'cat' || bin === 'ls') {
    const gone = args.find((p) => !exists(p))
    if (gone === undefined) return { code: 0, output: '' }
    // GNU ls exits 2 when a command-line argument cannot be accessed; BusyBox ls and both cats exit 1.
    return { code: bin === 'ls' && flavour === 'gnu' ? 2 : 1, output: missing(flavour, bin, gone) }
  }
  if (bin === 'test' || bin === '[') return { code: args.length > 0 && args.every(exists) ? 0 : 1, output: '' }
  return undefined
}

/** fileCheck answers `argv` if it is a file check (alone, or a `sh -c` script of them); undefined otherwise. */
export function fileCheck(
  argv: readonly string[],
  exists: (path: string) => boolean,
  flavour: Flavour,
): CheckResult | undefined {
  const bin = argv[0]?.split('/').pop()
  if ((bin === 'sh' || bin === 'bash') && argv[1] === '-c') {
    let last: CheckResult | undefined
    for (const part of argv.slice(2).join(' ').split(/;|&&/)) {
      const words = part.trim().split(/\s+/).filter(Boolean)
      if (!words.length) continue
      last = checkOne(words, exists, flavour)
      if (!last) return undefined
      if (last.code !== 0) return last
    }
    return last
  }
  return checkOne([...argv], exists, flavour)
}
