/**
 * What a container's process does, decided from its command and image — a tiny, explicit model so that outcomes
 * are computed, not scripted: `sleep N` / `sleep infinity`, `exit N`, `true`, `false`, `sh -c "a; b && c"` of
 * those, an executable the image does not have, or the image's default process.
 */
import type { Container } from '../../api/types.ts'
import type { RegistryImage } from '../../config.ts'

export type Outcome =
  { run: 'forever' } | { run: 'exit'; code: number; afterMs: number } | { run: 'notFound'; binary: string }

/** Commands that only touch the file system: they finish at once (the model keeps which files exist). */
const FILE_COMMANDS = ['touch', 'rm', 'mkdir']

function step(argv: string[], image: RegistryImage | undefined): Outcome {
  const bin = (argv[0] ?? '').split('/').pop() ?? ''
  if (bin === 'exit') return { run: 'exit', code: Number(argv[1] ?? 0) || 0, afterMs: 10 }
  if (bin === 'true' || bin === 'echo') return { run: 'exit', code: 0, afterMs: 10 }
  if (bin === 'false') return { run: 'exit', code: 1, afterMs: 10 }
  if (image?.binaries && !image.binaries.includes(bin)) return { run: 'notFound', binary: argv[0] }
  if (FILE_COMMANDS.includes(bin)) return { run: 'exit', code: 0, afterMs: 1 }
  if (bin === 'sleep')
    return argv[1] === 'infinity'
      ? { run: 'forever' }
      : { run: 'exit', code: 0, afterMs: Number.parseFloat(argv[1] ?? '0') * 1000 }
  return image?.defaultProcess ?? { run: 'forever' }
}

/** The steps of a `sh -c` script, in order (`a; b && c`). */
function steps(text: string): string[][] {
  return text
    .split(/;|&&/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+/))
}

/** A file the container's command creates or removes, so many ms after it started. */
export interface FileEvent {
  atMs: number
  path: string
  exists: boolean
}

/**
 * fileEvents follows the container's `sh -c` script through time and lists the files it creates (`touch F`,
 * `echo … > F`, `mkdir D`) and removes (`rm [-f] F`), as long as the script runs — the model's whole file system.
 */
export function fileEvents(argv: string[] | undefined, image: RegistryImage | undefined): FileEvent[] {
  const bin = argv?.[0]?.split('/').pop()
  if (!argv || !((bin === 'sh' || bin === 'bash') && argv[1] === '-c')) return []
  const out: FileEvent[] = []
  let elapsed = 0
  for (const words of steps(argv.slice(2).join(' '))) {
    const name = words[0]?.split('/').pop()
    const args = words.slice(1).filter((w) => !w.startsWith('-'))
    if (name === 'touch' || name === 'mkdir') for (const path of args) out.push({ atMs: elapsed, path, exists: true })
    if (name === 'rm') for (const path of args) out.push({ atMs: elapsed, path, exists: false })
    const redirect = words.indexOf('>')
    if (redirect >= 0 && words[redirect + 1]) out.push({ atMs: elapsed, path: words[redirect + 1], exists: true })
    const o = step(words, image)
    if (o.run !== 'exit' || o.code !== 0) break
    elapsed += o.afterMs
  }
  return out
}

/** script runs `a; b && c` left to right: the first step that does not finish with 0 decides. */
function script(text: string, image: RegistryImage | undefined): Outcome {
  let elapsed = 0
  for (const words of steps(text)) {
    const o = step(words, image)
    if (o.run !== 'exit') return o
    elapsed += o.afterMs
    if (o.code !== 0) return { ...o, afterMs: elapsed }
  }
  return { run: 'exit', code: 0, afterMs: elapsed }
}

/** outcomeOf: what the container's main process will do. */
export function outcomeOf(argv: string[] | undefined, image: RegistryImage | undefined): Outcome {
  if (!argv || argv.length === 0) return image?.defaultProcess ?? { run: 'forever' }
  const bin = argv[0].split('/').pop()
  if ((bin === 'sh' || bin === 'bash') && argv[1] === '-c') {
    if (image?.binaries && !image.binaries.includes(bin)) return { run: 'notFound', binary: argv[0] }
    return script(argv.slice(2).join(' '), image)
  }
  return step(argv, image)
}

/** containerArgv: command + args as the runtime will exec them (image defaults when unset). */
export function containerArgv(c: Container): string[] | undefined {
  if (!c.command?.length && !c.args?.length) return undefined
  return [...(c.command ?? []), ...(c.args ?? [])]
}

/** What PID 1 does when the runtime sends it SIGTERM: exit (with a code, after some ms) or nothing at all. */
export type TermBehaviour = { on: 'exit'; code: number; afterMs: number; why: string } | { on: 'ignore'; why: string }

/** Servers that install a SIGTERM handler and shut down cleanly (exit 0) within a moment. */
const HANDLES_SIGTERM = ['nginx', 'httpd', 'redis-server', 'postgres', 'agnhost']

/**
 * onSigterm models the signal handling of the container's PID 1. The kernel never applies a signal's default action
 * to PID 1 of a pid namespace: a process without its own handler (sleep, a shell) ignores SIGTERM and runs until the
 * grace period ends and the runtime sends SIGKILL (exit code 128 + 9 = 137). Servers handle it and exit 0.
 */
export function onSigterm(argv: string[] | undefined, image: RegistryImage | undefined): TermBehaviour {
  const bin = argv?.length ? (argv[0].split('/').pop() ?? '') : undefined
  if (bin === undefined) {
    return image?.ports?.length
      ? { on: 'exit', code: 0, afterMs: 100, why: "the image's server handles SIGTERM and shuts down cleanly" }
      : {
          on: 'ignore',
          why: "the image's default process installs no SIGTERM handler, and as PID 1 the signal's default action does not apply",
        }
  }
  if (HANDLES_SIGTERM.includes(bin))
    return { on: 'exit', code: 0, afterMs: 100, why: `${bin} handles SIGTERM and shuts down cleanly` }
  return {
    on: 'ignore',
    why: `${bin} installs no SIGTERM handler, and as PID 1 the signal's default action (terminate) does not apply`,
  }
}
