import { describe, expect, it } from 'vitest'
import { sec } from '../../sim/kernel.ts'
import { existsAt, fileCheck, flavourOf } from './files.ts'
import { fileEvents, outcomeOf } from './process.ts'

// The liveness example of the Kubernetes docs ("Define a liveness command", tasks/configure-pod-container/
// configure-liveness-readiness-startup-probes): busybox creates /tmp/healthy, removes it after 30 s.
const DOCS = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']

describe('the file model', () => {
  it('follows touch, rm, mkdir and echo > through the script, in time', () => {
    expect(fileEvents(DOCS, undefined)).toEqual([
      { atMs: 0, path: '/tmp/healthy', exists: true },
      { atMs: 30_001, path: '/tmp/healthy', exists: false },
    ])
    expect(fileEvents(['sh', '-c', 'mkdir -p /data; echo ok > /tmp/ready; sleep 3600'], undefined)).toEqual([
      { atMs: 0, path: '/data', exists: true },
      { atMs: 1, path: '/tmp/ready', exists: true },
    ])
  })
  it('the docs example runs 630 s and exits 0 (it is not killed by its own touch)', () => {
    expect(outcomeOf(DOCS, undefined)).toEqual({ run: 'exit', code: 0, afterMs: 630_002 })
  })
  it('answers existence in time; unknown paths exist unless under /tmp or /run', () => {
    const ev = fileEvents(DOCS, undefined)
    expect(existsAt(ev, 0, sec(10), '/tmp/healthy')).toBe(true)
    expect(existsAt(ev, 0, sec(31), '/tmp/healthy')).toBe(false)
    expect(existsAt(ev, 0, sec(1), '/tmp/other')).toBe(false)
    expect(existsAt(ev, 0, sec(1), '/etc/nginx/nginx.conf')).toBe(true)
  })
})

describe('fileCheck: the messages of the image tools', () => {
  const none = () => false
  it('BusyBox cat (the docs example output) and GNU cat', () => {
    expect(fileCheck(['cat', '/tmp/healthy'], none, 'busybox')).toEqual({
      code: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory",
    })
    expect(fileCheck(['cat', '/tmp/healthy'], none, 'gnu')).toEqual({
      code: 1,
      output: 'cat: /tmp/healthy: No such file or directory',
    })
  })
  it('ls (GNU exits 2), test and [ ], and sh -c scripts of them', () => {
    expect(fileCheck(['ls', '/tmp/x'], none, 'gnu')).toEqual({ code: 2, output: "ls: cannot access '/tmp/x': No such file or directory" })
    expect(fileCheck(['ls', '/tmp/x'], none, 'busybox')).toEqual({ code: 1, output: 'ls: /tmp/x: No such file or directory' })
    expect(fileCheck(['test', '-f', '/tmp/x'], () => true, 'gnu')).toEqual({ code: 0, output: '' })
    expect(fileCheck(['sh', '-c', '[ -f /tmp/x ]'], none, 'gnu')).toEqual({ code: 1, output: '' })
    expect(fileCheck(['redis-cli', 'ping'], none, 'gnu')).toBeUndefined()
  })
  it('tells BusyBox images from GNU ones', () => {
    expect(flavourOf('busybox:1.36')).toBe('busybox')
    expect(flavourOf('nginx:1.29-alpine')).toBe('busybox')
    expect(flavourOf('nginx:1.27')).toBe('gnu')
  })
})
