import { describe, expect, it } from 'vitest'
import { podKey } from './podKey.ts'

describe('podKey', () => {
  it('is the template it replaces, for every input the engine passes', () => {
    expect(podKey('default', 'web-0')).toBe('default/web-0')
    expect(podKey('kube-system', '')).toBe('kube-system/')
    // The kubelet's key of a pod without metadata, as `${undefined}/${undefined}` wrote it.
    expect(podKey(undefined, undefined)).toBe('undefined/undefined')
  })

  it('gives the same string again, and different pods different strings', () => {
    const a = podKey('default', 'web-1')
    expect(podKey('default', 'web-1')).toBe(a)
    expect(podKey('other', 'web-1')).not.toBe(a)
    expect(podKey('default', 'web-10')).toBe('default/web-10')
  })

  it('still answers after more names than it keeps (it starts again)', () => {
    for (let i = 0; i < 200_010; i++) podKey('gen', `p-${i}`)
    expect(podKey('gen', 'p-5')).toBe('gen/p-5')
    expect(podKey('default', 'web-1')).toBe('default/web-1')
  })
})
