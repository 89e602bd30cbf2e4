/**
 * How `podbirth apply` (end to end, as a user runs it) grows with the number of pods: 1,000, 2,000 and 4,000 plain
 * pods onto 100 nodes, each in its own process, with text output or `-o json`. Linear work gives ratios near 2.
 * The output goes to a file, as a user redirecting it would have it (a 4,000-pod JSON trace is over 500 MB).
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterYaml, podsYaml } from './engine.ts'

export interface GrowthResult { pods: number; wallSeconds: number; outputBytes: number; exitCode: number | null }

export function runGrowth(sizes = [1000, 2000, 4000], nodes = 100, output: 'text' | 'json' = 'text'): GrowthResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'podbirth-growth-'))
  const cluster = join(dir, 'cluster.yaml')
  writeFileSync(cluster, clusterYaml(nodes))
  const cli = fileURLToPath(new URL('../../src/cli/podbirth.mjs', import.meta.url))
  try {
    return sizes.map((pods) => {
      const manifest = join(dir, `pods-${pods}.yaml`)
      writeFileSync(manifest, podsYaml(pods))
      const out = join(dir, `out-${pods}.${output}`)
      const fd = openSync(out, 'w')
      const start = process.hrtime.bigint()
      const r = spawnSync(process.execPath,
        [cli, 'apply', '-f', manifest, '--cluster', cluster, '--until', '1h', '-o', output],
        { stdio: ['ignore', fd, 'pipe'] })
      const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9
      closeSync(fd)
      const outputBytes = statSync(out).size
      rmSync(out)
      return { pods, wallSeconds, outputBytes, exitCode: r.status }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
