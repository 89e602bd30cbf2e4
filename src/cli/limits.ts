/**
 * The CLI's limits on what it reads and how long it runs: hostile input (a FIFO, /dev/zero, a huge file, a run
 * of 100000h) ends in a precise message and exit 2, never a hang or an out-of-memory crash.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import type { Simulation } from '../engine/index.ts'

const MiB = 1024 * 1024

/**
 * A manifest may be as large as one API request: kube-apiserver's DefaultMaxRequestSizeBytes is 3 * 1024 * 1024
 * (staging/src/k8s.io/apiserver/pkg/server/config.go), over which it answers "Request entity too large: limit is
 * 3145728". podbirth applies the limit to the whole file, before reading it.
 */
export const MAX_MANIFEST_BYTES = 3 * MiB
/** A cluster file holds many objects (nodes, pods, RBAC), so it may be larger; 16 MiB is podbirth's own cap. */
export const MAX_CLUSTER_BYTES = 16 * MiB
/** A KubeSchedulerConfiguration is a few KiB; the manifest limit is generous. */
export const MAX_CONFIG_BYTES = 3 * MiB
/** --until: at most 24 hours of virtual time (a pod is born in seconds; a day covers every back-off). */
export const MAX_UNTIL_MS = 24 * 60 * 60 * 1000
export const MAX_UNTIL_TEXT = '24h'
/**
 * The number of simulated steps (kernel callbacks) one run may take. 5,000 pods on 100 nodes take 657,728 steps
 * to Running (1,000 take 137,728), at some 22,000 steps a second; 5 million leaves 7 times the 5,000-pod run and
 * ends a runaway one within minutes (20 million, the first idea, would have taken a quarter of an hour).
 */
export const MAX_STEPS = 5_000_000

export type ReadResult = { text: string } | { error: string }

/** kindOf names what a non-regular path is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  return 'not a file'
}

const API_TOO_LARGE = 'Request entity too large: limit is'
const tooLarge = (what: string, path: string, size: string, limit: number): string =>
  `podbirth: cannot read ${what} "${path}": it is ${size}over the limit of ${limit} bytes (${limit / MiB} MiB)` +
  // Only a manifest is an API request; its message quotes the API server's.
  (what === 'manifest' ? `, the API server's request limit ("${API_TOO_LARGE} ${limit}")` : '')

/** readBounded reads at most limit+1 bytes from fd: enough to tell a file over the limit without reading it all. */
function readBounded(fd: number, limit: number): Buffer | 'over' {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const buf = Buffer.alloc(Math.min(1 * MiB, limit + 1 - total))
    const n = readSync(fd, buf, 0, buf.length, null)
    if (n === 0) break
    chunks.push(buf.subarray(0, n))
    total += n
    if (total > limit) return 'over'
  }
  return Buffer.concat(chunks, total)
}

const reason = (e: unknown): string => {
  const code = (e as { code?: string }).code
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory'
    : code === 'EACCES' ? 'permission denied' : String((e as Error).message)
}

/**
 * readInput reads a regular file (or stdin for "-") of at most `limit` bytes. The path is stat'ed first: a FIFO is
 * never opened (opening one for reading blocks until a writer comes), a device or directory never read, and a file
 * over the limit refused by its size. The read itself stops at limit+1 bytes, in case the file grows meanwhile.
 */
export function readInput(path: string, what: string, limit: number): ReadResult {
  try {
    if (path !== '-') {
      const st = statSync(path)
      if (!st.isFile()) {
        return { error: `podbirth: cannot read ${what} "${path}": it is not a regular file (${kindOf(st)})` }
      }
      if (st.size > limit) return { error: tooLarge(what, path, `${st.size} bytes, `, limit) }
    }
    const fd = path === '-' ? 0 : openSync(path, 'r')
    try {
      // stdin may be a redirected directory or device (`-f - < /dev/zero`): the bounded read covers the device.
      if (path === '-' && fstatSync(fd).isDirectory()) {
        return { error: `podbirth: cannot read ${what} "-": it is not a regular file (a directory)` }
      }
      const buf = readBounded(fd, limit)
      if (buf === 'over') return { error: tooLarge(what, path, '', limit) }
      return { text: buf.toString('utf8') }
    } finally {
      if (fd !== 0) closeSync(fd)
    }
  } catch (e) {
    return { error: `podbirth: cannot read ${what} "${path}": ${reason(e)}` }
  }
}

/**
 * runCapped advances the simulation as Simulation.run(untilMs) does (every callback due by `untilMs`, absolute
 * virtual ms), through Simulation.runFor, so that it can stop after `maxSteps`. It returns false when the cap ended
 * the run. The steps are the same as run()'s, so the trace is too.
 */
export function runCapped(sim: Simulation, untilMs: number, maxSteps = MAX_STEPS): boolean {
  if (sim.runFor(untilMs, maxSteps)) return false
  // Nothing left by `until`: run() only moves the clock to `until` now, as the engine's runUntil does.
  sim.run(untilMs)
  return true
}

export const stepCapMessage = (maxSteps = MAX_STEPS): string =>
  `podbirth: the simulation stopped after ${maxSteps} steps, the cap on simulated steps per run; ` +
  'the state so far was not printed (use a shorter --until or fewer objects)\n'
