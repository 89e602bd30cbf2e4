import { describe, expect, it } from 'vitest'
import { TRACE_TYPES } from '../events.ts'
import { CHAPTER_KINDS, CHAPTERS } from '../story/index.ts'
import { NARRATION } from './index.ts'

// Each component's narration.test.ts runs scenarios that emit every one of its step types and checks the text of
// each at both depths; this test checks that the registry covers the whole vocabulary, and nothing else.
describe('the narration registry', () => {
  it('has exactly one entry per declared step type', () => {
    expect(Object.keys(NARRATION).sort()).toEqual([...TRACE_TYPES].sort())
    for (const t of TRACE_TYPES) {
      const n = NARRATION[t]
      expect(typeof n.summary, t).toBe('function')
      expect(typeof n.story, t).toBe('function')
      expect(typeof n.expert, t).toBe('function')
      expect(n.docs, t).toBeTruthy()
      expect(n.source, t).toBeTruthy()
    }
  })

  it('has a title and narration at both depths for every kind of chapter', () => {
    expect(Object.keys(CHAPTERS).sort()).toEqual([...CHAPTER_KINDS].sort())
    for (const k of CHAPTER_KINDS) {
      const c = CHAPTERS[k]
      expect(c.title.length, k).toBeGreaterThan(3)
      expect(c.story.length, k).toBeGreaterThan(40)
      expect(c.expert.length, k).toBeGreaterThan(40)
      expect(c.docs, k).toMatch(/^https:\/\/kubernetes\.io\/docs\//)
      expect(c.source, k).toMatch(/^(pkg|staging|cmd|plugin)\//)
    }
  })
})
