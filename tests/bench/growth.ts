/**
 * How `podbirth apply` (text output, end to end, as a user runs it) grows with the number of pods: 1,000, 2,000
 * and 4,000 plain pods onto 100 nodes, each in its own process. Linear work gives ratios near 2.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterYaml, podsYaml } from './engine.ts'

export interface GrowthResult { pods: number; wallSeconds: number; outputBytes: number; exitCode: number | null }

export function runGrowth(sizes = [1000, 2000, 4000], nodes = 100): GrowthResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'podbirth-growth-'))
  const cluster = join(dir, 'cluster.yaml')
  writeFileSync(cluster, clusterYaml(nodes))
  const cli = fileURLToPath(new URL('../../src/cli/podbirth.mjs', import.meta.url))
  return sizes.map((pods) => {
    const manifest = join(dir, `pods-${pods}.yaml`)
    writeFileSync(manifest, podsYaml(pods))
    const start = process.hrtime.bigint()
    const r = spawnSync(process.execPath, [cli, 'apply', '-f', manifest, '--cluster', cluster, '--until', '1h'],
      { encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024 })
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9
    return { pods, wallSeconds, outputBytes: r.stdout?.length ?? 0, exitCode: r.status }
  })
}
