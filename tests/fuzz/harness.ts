/**
 * Runs the podbirth CLI in-process (src/cli/main.ts `main`, its output captured) on a generated file, and checks the
 * answer: exit 0, 1 or 2 — with a message when it is not 0 — never 70, `internal error`, a stack trace, or a run
 * longer than a few seconds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.ts'
import type { Role } from './corpus.ts'

/** One fixed seed for the whole suite, so a failure reproduces; fast-check prints it with the path. */
export const FUZZ_SEED = 0x16_0516
/** Simulated time per run: enough for a pod to be born, bounded so a generated document never runs long. */
const UNTIL = '5s'
/** Wall-clock budget per document; a real cluster answers a bad input in milliseconds. */
export const MAX_MS_PER_DOC = 5_000
const MAX_CAPTURE = 1 << 20

const dir = mkdtempSync(join(tmpdir(), 'podbirth-fuzz-'))
const NGINX = new URL('../fixtures/nginx.yaml', import.meta.url).pathname

export interface Answer { code: number; out: string; err: string; ms: number }

/** runCli writes `content` to a file and hands it to the CLI as a manifest, a cluster file or a scheduler config. */
export function runCli(role: Role, content: string | Buffer): Answer {
  const file = join(dir, `${role}.yaml`)
  writeFileSync(file, content)
  const args = role === 'manifest' ? ['apply', '-f', file, '--until', UNTIL]
    : role === 'cluster' ? ['apply', '-f', NGINX, '--cluster', file, '--until', UNTIL]
      : ['explain', '-f', NGINX, '--config', file]
  let out = ''
  let err = ''
  const t0 = performance.now()
  const code = main(args, {
    out: (s) => { if (out.length < MAX_CAPTURE) out += s },
    err: (s) => { if (err.length < MAX_CAPTURE) err += s },
  })
  return { code, out, err, ms: performance.now() - t0 }
}

const STACK = /\n\s+at .+:\d+:\d+/

/** problem says what is wrong with an answer, or undefined when it is one a real cluster could give. */
export function problem(a: Answer): string | undefined {
  if (a.code === 70 || /internal error/.test(a.err)) return `internal error (exit ${a.code}): ${a.err.slice(0, 500)}`
  if (![0, 1, 2].includes(a.code)) return `exit ${a.code}`
  if (STACK.test(a.err) || STACK.test(a.out)) return 'a stack trace in the output'
  if (a.code !== 0 && `${a.out}${a.err}`.trim() === '') return `exit ${a.code} without a message`
  if (a.ms > MAX_MS_PER_DOC) return `took ${Math.round(a.ms)} ms`
  return undefined
}

/**
 * Crashes the fuzz suite has found in files outside its remit, each with a minimal reproducer in known.test.ts
 * (marked it.fails there). A generated document that hits one is counted, not failed, so the suite still guards
 * against every other crash; a fix turns the it.fails red, and its entry here is then deleted.
 */
/**
 * KNOWN_CRASHES: internal errors the suite accepts while their fix is pending (by exact message). Empty: the five
 * it found are fixed (known.test.ts keeps their reproducers).
 */
export const KNOWN_CRASHES: readonly { id: string; message: string }[] = []

export const knownHits = new Map<string, number>()

/** check throws (fast-check then reports seed, path and counterexample) when the answer is not acceptable. */
export function check(role: Role, seedName: string, content: string | Buffer): void {
  const a = runCli(role, content)
  const p = problem(a)
  if (!p) return
  const known = KNOWN_CRASHES.find((k) => a.err.trim() === k.message)
  if (known) { knownHits.set(known.id, (knownHits.get(known.id) ?? 0) + 1); return }
  throw new Error(`${role} from ${seedName}: ${p}`)
}
