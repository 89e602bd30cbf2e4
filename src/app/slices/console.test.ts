import { beforeEach, describe, expect, it } from 'vitest'
import type { TraceEvent } from '../../engine/events.ts'
import type { Story } from '../../engine/story/index.ts'
import { useApp } from '../store.ts'
import { readKept, sessionApply } from './console.ts'

const base = { manifest: 'pod', cluster: 'cluster', seed: 7 }
const step = (t: number) => ({ t }) as unknown as TraceEvent
const read = (kind: 'read' | 'refused' | 'mutating' | 'empty', line: string, index = 1) => ({
  type: 'read' as const,
  index,
  line,
  argv: line.split(' '),
  stdout: kind === 'read' ? 'out\n' : '',
  stderr: kind === 'refused' ? 'error: x\n' : '',
  exitCode: kind === 'refused' ? 1 : 0,
  kind,
})

describe('the console slice', () => {
  beforeEach(() => {
    useApp.setState({
      consoleTranscript: [],
      consoleSession: [],
      consoleBase: base,
      consoleResults: [],
      consoleHistory: [],
      consolePending: [],
      sessionRequests: 0,
      followEnd: false,
      events: [step(1_000_000), step(1_500_000), step(2_124_600)],
      selected: 1,
    })
  })

  it("a read goes into the transcript with the playhead time; a refusal with kubectl's error; nothing runs", () => {
    const st = useApp.getState()
    st.consoleSent('get pods')
    st.receive(read('read', 'get pods'))
    st.receive(read('refused', 'crate x'))
    const s = useApp.getState()
    expect(s.consoleTranscript).toEqual([
      { kind: 'read', line: 'get pods', at: 0.5, stdout: 'out\n', stderr: '', exitCode: 0 },
      { kind: 'error', line: 'crate x', stderr: 'error: x\n' },
    ])
    expect(s.consoleSession).toEqual([])
    expect(s.sessionRequests).toBe(0)
    expect(s.consoleHistory).toEqual(['get pods'])
  })

  it("a mutating command is appended just after the story's last step (ms, rounded up, + 1) and runs", () => {
    useApp.getState().receive(read('mutating', 'scale deployment web --replicas=2'))
    const s = useApp.getState()
    expect(s.consoleSession).toEqual([{ argv: ['scale', 'deployment', 'web', '--replicas=2'], atMs: 2126 }])
    expect(s.consoleTranscript).toEqual([{ kind: 'command', line: 'scale deployment web --replicas=2', session: 0 }])
    expect(s.sessionRequests).toBe(1)
    expect(sessionApply(s.consoleBase ?? base, s.consoleSession)).toEqual({
      type: 'apply',
      text: 'pod',
      seed: 7,
      cluster: 'cluster',
      user: undefined,
      session: s.consoleSession,
    })
    // Its run is done: the playhead follows to the new end.
    s.receive({
      type: 'done',
      getPods: '',
      pods: [],
      story: { chapterOf: [] } as unknown as Story,
      outcomes: [],
      session: [],
    })
    expect(useApp.getState().selected).toBe(2)
  })

  it("the editor's Apply starts a new session: the commands are cleared and the transcript says so", () => {
    useApp.getState().receive(read('mutating', 'create deployment web --image=nginx'))
    useApp.setState({
      consoleResults: [
        { argv: ['create'], stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0, startMs: 2126 },
      ],
    })
    useApp.getState().start({ manifest: 'pod2', cluster: 'cluster', seed: 7 })
    const s = useApp.getState()
    expect(s.consoleSession).toEqual([])
    expect(s.consoleBase).toEqual({ manifest: 'pod2', cluster: 'cluster', seed: 7, user: undefined })
    expect(s.consoleTranscript).toEqual([
      {
        kind: 'ran',
        line: 'create deployment web --image=nginx',
        stdout: 'deployment.apps/web created\n',
        stderr: '',
        exitCode: 0,
      },
      {
        kind: 'note',
        text: "Apply started a new session: kubectl apply -f pod.yaml; the console's 1 command(s) were cleared.",
      },
    ])
  })
})

describe('readKept: what a reload brings back', () => {
  it('keeps a well-formed session, transcript and history', () => {
    const kept = {
      transcript: [{ kind: 'note', text: 'hi' }],
      session: [{ argv: ['get'], atMs: 3 }],
      base,
      history: ['get pods'],
    }
    expect(readKept(JSON.stringify(kept))).toEqual(kept)
  })

  it('drops what is not ours, entry by entry', () => {
    expect(readKept('not json')).toEqual({ transcript: [], session: [], history: [] })
    expect(
      readKept(
        JSON.stringify({
          transcript: [
            { kind: 'html', text: '<b>' },
            { kind: 'note', text: 'ok' },
          ],
          session: [{ argv: 'get pods' }],
          base: { manifest: 1 },
          history: [1],
        }),
      ),
    ).toEqual({ transcript: [{ kind: 'note', text: 'ok' }], session: [], base: undefined, history: [] })
  })
})
