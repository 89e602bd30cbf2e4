/**
 * The console under the lanes: one kubectl command line and the transcript of what was typed and printed. A read
 * (get, describe, rollout history) is answered as of the playhead; a command that changes the cluster is appended
 * to the session at the end of the story so far and the session runs again (the playhead follows to its new end).
 * Everything typed or printed is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useApp } from '../../app/store.ts'
import { sessionApply } from '../../app/slices/console.ts'
import type { TranscriptEntry } from '../../app/slices/console.ts'
import type { Command, ConsoleResult } from '../../protocol/messages.ts'
import { complete } from './complete.ts'

/** The text of one transcript entry, as a terminal shows it. */
function entryText(e: TranscriptEntry, results: ConsoleResult[], running: boolean, t0: number | undefined): string {
  const out = (stdout: string, stderr: string) => `${stdout}${stdout && !stdout.endsWith('\n') ? '\n' : ''}${stderr}`
  switch (e.kind) {
    case 'note':
      return `# ${e.text}`
    case 'error':
      return `$ kubectl ${e.line}\n${e.stderr}`
    case 'read':
      return `$ kubectl ${e.line}${e.at !== undefined ? `   # at ${e.at.toFixed(3)}s` : ''}\n${out(e.stdout, e.stderr)}`
    case 'ran':
      return `$ kubectl ${e.line}\n${out(e.stdout, e.stderr)}`
    case 'command': {
      const r = results[e.session]
      const when = r && t0 !== undefined ? `   # at ${((r.startMs * 1000 - t0) / 1e6).toFixed(3)}s` : ''
      const body = r
        ? out(r.stdout, r.stderr)
        : running
          ? '# running…\n'
          : '# not finished by the end of the simulation\n'
      return `$ kubectl ${e.line}${when}\n${body}`
    }
  }
}

/** The line as shown after the prompt: without the leading `kubectl` the prompt already has. */
const shown = (line: string) => line.trim().replace(/^kubectl(\s+|$)/, '')

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 5000)
}

/**
 * ConsoleRunner runs the session whenever it changes (a command appended, a kept session on load, a script loaded)
 * and saves the scripts the worker writes. Always mounted: the console itself may be hidden (presenter mode).
 */
export function ConsoleRunner({ send }: { send(cmd: Command): void }) {
  const sessionRequests = useApp((s) => s.sessionRequests)
  const script = useApp((s) => s.consoleScript)
  useEffect(() => {
    if (sessionRequests === 0) return
    const st = useApp.getState()
    const base = st.consoleBase
    if (!base) return
    st.startSession(base)
    send(sessionApply(base, st.consoleSession))
  }, [sessionRequests, send])
  useEffect(() => {
    if (script) download(script.text, 'podbirth-session.sh', 'text/x-shellscript')
  }, [script])
  return null
}

export function Console({ send }: { send(cmd: Command): void }) {
  const transcript = useApp((s) => s.consoleTranscript)
  const results = useApp((s) => s.consoleResults)
  const running = useApp((s) => s.running)
  const session = useApp((s) => s.consoleSession)
  const loadError = useApp((s) => s.consoleLoadError)
  const pending = useApp((s) => s.consolePending)
  const t0 = useApp((s) => s.events[0]?.t)
  const [text, setText] = useState('')
  const [hint, setHint] = useState<string[]>([])
  /** Where ↑/↓ is in the history (its length: the line being typed). */
  const walk = useRef<{ at: number; draft: string } | null>(null)
  const logRef = useRef<HTMLDivElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  // The newest output in view, as a terminal scrolls.
  useEffect(() => {
    const el = logRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [transcript, results])

  const submit = () => {
    const line = shown(text)
    if (!line) return
    const st = useApp.getState()
    st.consoleSent(line)
    // A read typed while the story is being simulated is answered at its end.
    send({ type: 'read', index: st.running ? Number.MAX_SAFE_INTEGER : st.selected, line, cluster: st.clusterText })
    setText('')
    setHint([])
    walk.current = null
  }

  const onKey = (ev: KeyboardEvent<HTMLInputElement>) => {
    const history = useApp.getState().consoleHistory
    if (ev.key === 'Enter') {
      ev.preventDefault()
      submit()
      return
    }
    if (ev.key === 'Escape') {
      ev.preventDefault()
      setHint([])
      ev.currentTarget.blur()
      return
    }
    if (ev.key === 'Tab') {
      if (!text.trim() || ev.shiftKey) return
      ev.preventDefault()
      const c = complete(text, useApp.getState().atPlayhead?.names, useApp.getState().consoleVocabulary)
      setText(c.line)
      setHint(c.candidates.length > 1 ? c.candidates : [])
      return
    }
    if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      if (history.length === 0) return
      ev.preventDefault()
      const w = walk.current ?? { at: history.length, draft: text }
      const at = Math.max(0, Math.min(history.length, w.at + (ev.key === 'ArrowUp' ? -1 : 1)))
      walk.current = { at, draft: w.draft }
      setText(at === history.length ? w.draft : history[at])
    }
  }

  const onFile = async (file: File | undefined) => {
    if (!file) return
    send({ type: 'parseScript', text: await file.text(), fileName: file.name })
    if (fileRef.current) fileRef.current.value = ''
  }

  return (
    <section className="console" aria-label="kubectl console">
      {/* The transcript is a live region once there is something in it. */}
      {transcript.length > 0 && (
        <div className="console-log terminal" role="log" aria-label="Console" ref={logRef}>
          {transcript.map((e, i) => (
            <pre key={i} className={`console-entry ${e.kind}`}>
              {entryText(e, results, running, t0)}
            </pre>
          ))}
        </div>
      )}
      <div className="console-line">
        <label className="console-prompt" htmlFor="console-input">
          $ kubectl
        </label>
        <input
          id="console-input"
          className="console-input"
          aria-label="kubectl command"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={text}
          placeholder="get pods   (Tab completes, ↑/↓ history)"
          onChange={(e) => {
            setText(e.target.value)
            walk.current = null
          }}
          onKeyDown={onKey}
        />
        {pending.length > 0 && (
          <span className="console-busy" aria-live="polite">
            running…
          </span>
        )}
      </div>
      {hint.length > 0 && <p className="console-hint">{hint.join('   ')}</p>}
      <div className="console-tools">
        <button type="button" disabled={session.length === 0} onClick={() => send({ type: 'formatScript', session })}>
          Save session as script
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Load script…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".sh,.txt,text/plain,text/x-shellscript"
          hidden
          aria-label="Workshop script file"
          onChange={(e) => {
            void onFile(e.target.files?.[0])
          }}
        />
        {transcript.length > 0 && (
          <button type="button" onClick={() => useApp.getState().consoleClear()}>
            Clear transcript
          </button>
        )}
      </div>
      {loadError && (
        <p className="error" role="alert">
          The script could not be loaded: {loadError}
        </p>
      )}
    </section>
  )
}
