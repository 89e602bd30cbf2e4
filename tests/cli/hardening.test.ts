import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const cwd = new URL('../..', import.meta.url).pathname
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const dir = mkdtempSync(join(tmpdir(), 'podbirth-cli-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
const pod = (metadata: string, image = 'nginx:1.27') =>
  `apiVersion: v1\nkind: Pod\nmetadata: ${metadata}\nspec:\n  containers:\n  - name: c\n    image: ${JSON.stringify(image)}\n`
const EVIL = '\x1b]0;pwned\x07\x1b[2J'

describe('podbirth CLI, hostile input', { timeout: 60_000 }, () => {
  it('escapes terminal control sequences in names and images as kubectl does (ESC → ^[, CR → \\r)', () => {
    const byImage = run('apply', '-f', file('evil-image.yaml', pod('{name: evil}', `nginx${EVIL}\r`)))
    const byName = run('apply', '-f', file('evil-name.yaml', pod(JSON.stringify({ name: `evil${EVIL}` }))))
    for (const r of [byImage, byName]) {
      expect(r.out).not.toContain('\x1b')
      expect(r.out).not.toContain('\r')
      expect(r.err).not.toContain('\x1b')
    }
    // Trace lines, get pods and the Events all carry the image, escaped.
    expect(byImage.out).toMatch(/kubelet +\[worker-\d\] Event Warning Failed: Failed to pull image "nginx\^\[\]0;pwned\x07\^\[\[2J\\r"/)
    expect(byImage.out).toMatch(/\nevil +0\/1 +ErrImagePull|\nevil +0\/1 +ImagePullBackOff|\nevil +0\/1 +InvalidImageName/)
    expect(byImage.out).toMatch(/Warning +\w+ +.*nginx\^\[\]0;pwned/)
    // kubectl quotes the invalid name with Go's %q.
    expect(byName.out).toContain('The Pod "evil\\x1b]0;pwned\\a\\x1b[2J" is invalid: metadata.name')
    expect(byName.out).toContain('decoded 1 object: Pod/evil^[]0;pwned')
    const explained = run('explain', '-f', file('evil-name2.yaml', pod(JSON.stringify({ name: `evil${EVIL}` }))))
    expect(explained.code).toBe(1)
    expect(explained.err).toContain('is invalid')
    expect(explained.out + explained.err).not.toMatch(/[\x1b\r]/)
  })

  it('refuses seeds outside the app\'s range 0…2147483647 (they used to wrap modulo 2^32)', () => {
    for (const seed of ['4294967296', '2147483648', '-1', '1.5']) {
      const r = run('apply', '-f', 'tests/fixtures/nginx.yaml', '--seed', seed)
      expect(r.code).toBe(2)
      expect(r.err).toContain(`podbirth: --seed needs a whole number from 0 to 2147483647 (got "${seed}")`)
    }
    expect(run('explain', '-f', 'tests/fixtures/nginx.yaml', '--seed=4294967296').code).toBe(2)
    expect(run('apply', '-f', 'tests/fixtures/nginx.yaml', '--seed', '2147483647').code).toBe(0)
  })

  it('refuses a namespace or name that is not one URL path segment, as client-go\'s request builder does', () => {
    const info = (name: string, ns: string) =>
      `Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "${name}", Namespace: "${ns}"`
    const flag = run('apply', '-f', 'tests/fixtures/nginx.yaml', '-n', 'a/b')
    expect(flag.code).toBe(1)
    expect(flag.out).toContain(`error: error when retrieving current configuration of:\n${info('nginx', 'a/b')}\nfrom server for: "tests/fixtures/nginx.yaml": invalid namespace "a/b": [may not contain '/']\n`)
    expect(flag.out).not.toContain('GET /api/v1/namespaces/a/b')
    const own = file('ns.yaml', pod('{name: p, namespace: "x/%y"}'))
    expect(run('apply', '-f', own).out).toContain(`from server for: "${own}": invalid namespace "x/%y": [may not contain '/' may not contain '%']\n`)
    const dots = file('dots.yaml', pod('{name: ".."}'))
    expect(run('apply', '-f', dots).out).toContain(`\nfrom server for: "${dots}": invalid resource name "..": [may not be '..']\n`)
  })

  it('metadata: null (no name) answers kubectl\'s "resource name may not be empty"', () => {
    for (const [name, metadata] of [['null.yaml', 'null'], ['noname.yaml', '{labels: {a: b}}']]) {
      const f = file(name, pod(metadata))
      const r = run('apply', '-f', f)
      expect(r.code).toBe(1)
      expect(r.out).toContain(`error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "${f}": resource name may not be empty\n`)
      expect(r.out).not.toContain('not found')
    }
  })

  it('-o json is streamed with the same bytes JSON.stringify(doc, null, 2) gives', () => {
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json')
    expect(r.code).toBe(0)
    expect(r.out).toBe(`${JSON.stringify(JSON.parse(r.out), null, 2)}\n`)
    const withMerge = file('merge.yaml', pod('{name: m, labels: &l {app: web}, annotations: {<<: *l, note: x}}'))
    const m = JSON.parse(run('apply', '-f', withMerge, '-o', 'json').out) as { objects: { pods: { metadata: { annotations: Record<string, string> } }[] } }
    expect(m.objects.pods.find((p) => p.metadata.annotations.note)?.metadata.annotations).toMatchObject({ app: 'web', note: 'x' })
  })
  it('stops quietly when its reader goes away (`podbirth apply … | head`): no stack trace', async () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod(`{name: web-${i}}`)).join('---\n')
    const manifest = file('many.yaml', pods)
    for (const output of ['text', 'json']) {
      // The reader takes the first chunk and closes the pipe, as `head -1` does, while podbirth still writes.
      const child = spawn(process.execPath, ['src/cli/podbirth.mjs', 'apply', '-f', manifest, '-o', output],
        { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      let err = ''
      child.stderr.on('data', (d) => { err += String(d) })
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
      expect(err, output).toBe('')
      expect(code, output).toBe(0)
    }
  })

  it.runIf(existsSync('/dev/full'))('says in one line that it cannot write its output (`> /dev/full`), exit 74', () => {
    const full = openSync('/dev/full', 'w')
    try {
      for (const output of ['text', 'json']) {
        const argv = ['src/cli/podbirth.mjs', 'apply', '-f', file('one.yaml', pod('{name: one}')), '-o', output]
        const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] })
        expect(r.stderr, output).toBe('podbirth: cannot write the output: ENOSPC: no space left on device, write\n')
        expect(r.status, output).toBe(74)
      }
    } finally {
      closeSync(full)
    }
  })
})
