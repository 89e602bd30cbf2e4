/**
 * How `podbirth apply` (end to end, as a user runs it) grows with the number of pods: 1,000, 2,000 and 4,000 plain
 * pods onto 100 nodes, each in its own process, with text output or `-o json`. Linear work gives ratios near 2.
 * The output goes to a file, as a user redirecting it would have it (a 4,000-pod JSON trace is over 500 MB).
 * Each size runs `repeat` times and keeps its fastest run: on a shared machine a single run of a few seconds moves by
 * a quarter, which made the ratios noise.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterYaml, podsYaml } from './engine.ts'

export interface GrowthResult { pods: number; wallSeconds: number; outputBytes: number; exitCode: number | null }

export function runGrowth(
  sizes = [1000, 2000, 4000], nodes = 100, output: 'text' | 'json' = 'text', repeat = 3,
): GrowthResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'podbirth-growth-'))
  const cluster = join(dir, 'cluster.yaml')
  writeFileSync(cluster, clusterYaml(nodes))
  const cli = fileURLToPath(new URL('../../src/cli/podbirth.mjs', import.meta.url))
  try {
    return sizes.map((pods) => {
      const manifest = join(dir, `pods-${pods}.yaml`)
      writeFileSync(manifest, podsYaml(pods))
      const runs = Array.from({ length: repeat }, () => once(cli, cluster, manifest, dir, pods, output))
      return runs.reduce((best, r) => (r.wallSeconds < best.wallSeconds ? r : best))
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** once runs `podbirth apply` for one manifest, its output into a file of `dir`, and times it. */
function once(
  cli: string, cluster: string, manifest: string, dir: string, pods: number, output: 'text' | 'json',
): GrowthResult {
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
}
