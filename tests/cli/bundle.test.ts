/**
 * The command runs from a bundle of its sources (src/cli/bundle.mjs) or, when that cannot be built, through tsx:
 * both must print the same bytes and exit with the same code.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const cwd = new URL('../..', import.meta.url).pathname
const run = (bundled: boolean, ...args: string[]) => {
  const env = { ...process.env }
  if (bundled) delete env.PODBIRTH_NO_BUNDLE
  else env.PODBIRTH_NO_BUNDLE = '1'
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd, env })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('podbirth from its bundle and through tsx', { timeout: 60_000 }, () => {
  const cases: [string, string[]][] = [
    ['apply, text', ['apply', '-f', 'tests/fixtures/nginx.yaml', '--seed', '3']],
    ['apply, -o json', ['apply', '-f', 'tests/fixtures/nginx.yaml', '-o', 'json']],
    ['a refused apply', ['apply', '-f', 'tests/fixtures/invalid-name.yaml']],
    ['explain', ['explain', '-f', 'tests/fixtures/nginx.yaml']],
    ['a usage error', ['apply']],
  ]
  it('keeps the bundle, and the files it was built from, in node_modules/.cache/podbirth', () => {
    expect(run(true, '--help').code).toBe(0)
    const inputs = JSON.parse(readFileSync(`${cwd}node_modules/.cache/podbirth/cli.inputs.json`, 'utf8')) as Record<string, string>
    expect(Object.keys(inputs)).toContain('src/cli/main.ts')
    expect(Object.keys(inputs)).toContain('src/engine/index.ts')
    expect(readFileSync(`${cwd}node_modules/.cache/podbirth/cli.cjs`, 'utf8')).toContain('kubectl.kubernetes.io/last-applied-configuration')
  })

  for (const [name, args] of cases) {
    it(name, () => {
      const tsx = run(false, ...args)
      const bundled = run(true, ...args)
      expect(bundled).toEqual(tsx)
      expect(tsx.out.length + tsx.err.length).toBeGreaterThan(0)
    })
  }
})
