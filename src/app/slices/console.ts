/**
 * The console slice: the session (the commands that change the cluster, typed or loaded since the last Apply), the
 * scenario it runs on, the transcript of what was typed and printed, and the history ↑/↓ walks. All of it is kept
 * across reloads (prefs.ts) so a reload replays the same session and shows the same transcript.
 */
import type { StateCreator } from 'zustand'
import type { ApplyCommand, ConsoleCommand, ConsoleResult, ConsoleVocabulary } from '../../protocol/messages.ts'
import { readPref, writePref } from '../prefs.ts'

/** What a session runs on: the scenario of its Apply (or of the console's first command, with skipManifest). */
export interface SessionBase {
  manifest: string
  cluster: string
  seed: number
  user?: string
  /** true: the session did not start with the editor's apply. */
  skipManifest?: boolean
}

export type TranscriptEntry =
  /** A read, answered at the playhead: `at` is its time in seconds since the story's first step. */
  | { kind: 'read'; line: string; at?: number; stdout: string; stderr: string; exitCode: number }
  /** A line kubectl (or the shell) refused before anything ran. */
  | { kind: 'error'; line: string; stderr: string }
  /** A command of the session: its output is the session's result number `session`. */
  | { kind: 'command'; line: string; session: number }
  /** A command of an earlier session, with what it printed. */
  | { kind: 'ran'; line: string; stdout: string; stderr: string; exitCode: number }
  | { kind: 'note'; text: string }

export interface ConsoleSlice {
  consoleTranscript: TranscriptEntry[]
  consoleSession: ConsoleCommand[]
  consoleBase?: SessionBase
  /** The session's results from the last run ('done'). */
  consoleResults: ConsoleResult[]
  consoleHistory: string[]
  /** Lines sent to the worker and not answered yet. */
  consolePending: string[]
  /** Counts session runs asked for: the console posts the session's apply on each change. */
  sessionRequests: number
  /** Set by a console run: when it is done, the playhead goes to the new end of the story. */
  followEnd: boolean
  /** A script the worker wrote for saving (the console downloads it), counted so the same text saves twice. */
  consoleScript?: { text: string; n: number }
  /** The console's commands and flags, from the worker (completion offers only what kubectl's parser takes). */
  consoleVocabulary?: ConsoleVocabulary
  consoleLoadError?: string
  /** A line was sent; its answer arrives through consoleAnswer. */
  consoleSent(line: string): void
  /** A mutating line: appended to the session at `atMs`, and the session runs again. */
  consoleAppend(line: string, argv: string[], atMs: number, base: SessionBase): void
  /** A line's answer (undefined: nothing to show, a blank line or a comment). */
  consoleAnswer(entry: TranscriptEntry | undefined): void
  /** The editor's Apply: a new session whose first command is that apply. */
  consoleNewSession(base: SessionBase): void
  /** A workshop script loaded as the session (it replaces the console's commands). */
  consoleLoad(fileName: string, commands: ConsoleCommand[], base: SessionBase): void
  consoleClear(): void
}

const CONSOLE_KEY = 'podbirth.console'
/** What is kept: the transcript's last entries and the history's last lines (a session is kept whole). */
const KEEP_ENTRIES = 200
const KEEP_HISTORY = 100

interface Kept {
  transcript: TranscriptEntry[]
  session: ConsoleCommand[]
  base?: SessionBase
  history: string[]
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function isCommand(v: unknown): v is ConsoleCommand {
  if (typeof v !== 'object' || v === null) return false
  const c = v as { argv?: unknown; atMs?: unknown; sleepMs?: unknown; stdin?: unknown }
  return (
    isStrings(c.argv) &&
    (c.atMs === undefined || typeof c.atMs === 'number') &&
    (c.sleepMs === undefined || typeof c.sleepMs === 'number') &&
    (c.stdin === undefined || typeof c.stdin === 'string')
  )
}

function isEntry(v: unknown): v is TranscriptEntry {
  if (typeof v !== 'object' || v === null) return false
  const e = v as {
    kind?: unknown
    line?: unknown
    text?: unknown
    stdout?: unknown
    stderr?: unknown
    session?: unknown
  }
  switch (e.kind) {
    case 'read':
      return typeof e.line === 'string' && typeof e.stdout === 'string' && typeof e.stderr === 'string'
    case 'error':
      return typeof e.line === 'string' && typeof e.stderr === 'string'
    case 'command':
      return typeof e.line === 'string' && typeof e.session === 'number'
    case 'ran':
      return typeof e.line === 'string' && typeof e.stdout === 'string' && typeof e.stderr === 'string'
    case 'note':
      return typeof e.text === 'string'
    default:
      return false
  }
}

function isBase(v: unknown): v is SessionBase {
  if (typeof v !== 'object' || v === null) return false
  const b = v as { manifest?: unknown; cluster?: unknown; seed?: unknown; user?: unknown }
  return (
    typeof b.manifest === 'string' &&
    typeof b.cluster === 'string' &&
    typeof b.seed === 'number' &&
    (b.user === undefined || typeof b.user === 'string')
  )
}

/** readKept: what an earlier page kept, or nothing when it is missing or not ours. */
export function readKept(text: string | null): Kept {
  const empty: Kept = { transcript: [], session: [], history: [] }
  try {
    const v = JSON.parse(text ?? 'null') as {
      transcript?: unknown
      session?: unknown
      base?: unknown
      history?: unknown
    } | null
    if (!v || typeof v !== 'object') return empty
    const session = Array.isArray(v.session) && v.session.every(isCommand) ? v.session : []
    return {
      transcript: Array.isArray(v.transcript) ? v.transcript.filter(isEntry) : [],
      session,
      base: isBase(v.base) ? v.base : undefined,
      history: isStrings(v.history) ? v.history : [],
    }
  } catch {
    return empty
  }
}

function keep(s: ConsoleSlice): void {
  const kept: Kept = {
    transcript: s.consoleTranscript.slice(-KEEP_ENTRIES),
    session: s.consoleSession,
    base: s.consoleBase,
    history: s.consoleHistory.slice(-KEEP_HISTORY),
  }
  writePref(CONSOLE_KEY, JSON.stringify(kept))
}

/** sessionApply: the apply that runs a session (the base's texts, then the session's commands). */
export function sessionApply(base: SessionBase, session: ConsoleCommand[]): ApplyCommand {
  return {
    type: 'apply',
    text: base.manifest,
    seed: base.seed,
    cluster: base.cluster,
    user: base.user || undefined,
    session,
    ...(base.skipManifest ? { skipManifest: true } : {}),
  }
}

/** frozen: the transcript with the current session's commands fixed to what they printed (a new session starts). */
function frozen(s: ConsoleSlice): TranscriptEntry[] {
  return s.consoleTranscript.map((e) => {
    if (e.kind !== 'command') return e
    const r = s.consoleResults[e.session]
    return r
      ? { kind: 'ran', line: e.line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
      : { kind: 'ran', line: e.line, stdout: '', stderr: '', exitCode: 0 }
  })
}

const cleared = (n: number) => (n ? `; the console's ${n} command(s) were cleared` : '')

const withHistory = (h: string[], line: string) => (h[h.length - 1] === line ? h : [...h, line].slice(-KEEP_HISTORY))

export const createConsoleSlice: StateCreator<ConsoleSlice, [], [], ConsoleSlice> = (set, get) => {
  const kept = readKept(readPref(CONSOLE_KEY))
  const update = (f: (s: ConsoleSlice) => Partial<ConsoleSlice>) => {
    set(f)
    keep(get())
  }
  return {
    consoleTranscript: kept.transcript,
    consoleSession: kept.session,
    consoleBase: kept.base,
    consoleResults: [],
    consoleHistory: kept.history,
    consolePending: [],
    // A kept session runs again when the page loads (the console asks once it is mounted).
    sessionRequests: kept.session.length > 0 && kept.base ? 1 : 0,
    followEnd: kept.session.length > 0,
    consoleSent: (line) =>
      update((s) => ({
        consoleHistory: withHistory(s.consoleHistory, line),
        consolePending: [...s.consolePending, line],
      })),
    consoleAppend: (line, argv, atMs, base) =>
      update((s) => ({
        consolePending: s.consolePending.slice(1),
        consoleSession: [...s.consoleSession, { argv, atMs }],
        consoleBase: base,
        consoleTranscript: [...s.consoleTranscript, { kind: 'command', line, session: s.consoleSession.length }],
        sessionRequests: s.sessionRequests + 1,
        followEnd: true,
      })),
    consoleAnswer: (entry) =>
      update((s) => ({
        consolePending: s.consolePending.slice(1),
        consoleTranscript: entry ? [...s.consoleTranscript, entry] : s.consoleTranscript,
      })),
    consoleNewSession: (base) =>
      update((s) => ({
        consoleSession: [],
        consoleBase: base,
        consoleResults: [],
        followEnd: false,
        consoleTranscript:
          s.consoleSession.length || s.consoleTranscript.length
            ? [
                ...frozen(s),
                {
                  kind: 'note',
                  text: `Apply started a new session: kubectl apply -f pod.yaml${cleared(s.consoleSession.length)}.`,
                },
              ]
            : s.consoleTranscript,
      })),
    consoleLoad: (fileName, commands, base) =>
      update((s) => ({
        consoleSession: commands,
        consoleBase: base,
        consoleLoadError: undefined,
        consoleResults: [],
        consoleTranscript: [
          ...frozen(s),
          { kind: 'note', text: `Loaded ${fileName}: a new session of ${commands.length} command(s).` },
          ...commands.map((c, i): TranscriptEntry => ({ kind: 'command', line: c.argv.join(' '), session: i })),
        ],
        sessionRequests: s.sessionRequests + 1,
        followEnd: true,
      })),
    consoleClear: () => update(() => ({ consoleTranscript: [] })),
  }
}
