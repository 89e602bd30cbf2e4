/**
 * The CLI's text trace: one line per step, grouped under the story's chapter headings
 * (`Stage 3 · The API server — Mutating admission`). A chapter that resumes after another one's steps says so.
 */
import type { TraceEvent } from '../engine/events.ts'
import { STAGES, chapterTitle } from '../engine/story/index.ts'
import type { Story } from '../engine/story/index.ts'

/** formatTime prints virtual microseconds as seconds with milliseconds, right-aligned. */
export function formatTime(us: number): string {
  return `${(us / 1_000_000).toFixed(3).padStart(8)}s`
}

export function traceLines(trace: readonly TraceEvent[], story: Story): string[] {
  const lines: string[] = []
  const start = trace[0]?.t ?? 0
  const seen = new Set<number>()
  let last = -1
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]
    const id = story.chapterOf[i]
    if (id !== last && id >= 0) {
      const c = story.chapters[id]
      const stage = STAGES.find((s) => s.id === c.stage)?.title ?? ''
      const pod = story.pods.length > 1 && c.pod ? ` · ${c.pod}` : ''
      lines.push(`${i ? '\n' : ''}Stage ${c.stage} · ${stage} — ${chapterTitle(c)}${seen.has(id) ? ' (continued)' : ''}${pod}`)
      seen.add(id)
      last = id
    }
    lines.push(`${formatTime(e.t - start)}  ${e.lane.padEnd(14)}  ${e.node ? `[${e.node}] ` : ''}${e.summary}`)
  }
  return lines
}
