import { describe, expect, it } from 'vitest'
import { segments } from './requestInfo.ts'

describe('segments', () => {
  it('is split("/") without the empty segments', () => {
    const paths = ['', '/', '//', 'a', '/a', 'a/', '/a/', '//a//b//', '/api/v1/namespaces/default/pods/web-1/status',
      '/apis/apps/v1/namespaces/x/deployments', 'api//v1', '/a/b/c/d/e/f/g/h/']
    for (const p of paths) expect(segments(p), p).toEqual(p.split('/').filter(Boolean))
  })
})
