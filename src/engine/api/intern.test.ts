import { describe, expect, it } from 'vitest'
import { intern } from './intern.ts'

describe('intern', () => {
  // Which of two equal strings comes back cannot be seen from JavaScript (the heap snapshot shows it): the tests
  // hold what can, that the text never changes.
  it('returns an equal string', () => {
    expect(intern(['namespace "default" exists', ' and is Active.'].join(''))).toBe('namespace "default" exists and is Active.')
    expect(intern(['namespace "default" exists and is', ' Active.'].join(''))).toBe('namespace "default" exists and is Active.')
    expect(intern(undefined)).toBeUndefined()
  })

  it('keeps answering with equal strings once it has started again', () => {
    for (let i = 0; i < 10_050; i++) expect(intern(`note ${i}`)).toBe(`note ${i}`)
  })
})
