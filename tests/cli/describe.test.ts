/**
 * `podbirth apply --describe`: the whole `kubectl describe pod` of each applied pod, as
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod prints it (the printer's own tests are in
 * src/engine/kubectl/printers/describe/).
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseArgs, USAGE } from '../../src/cli/args.ts'

const run = (...args: string[]) => {
  const cwd = new URL('../..', import.meta.url).pathname
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('podbirth apply --describe', { timeout: 60_000 }, () => {
  it('parses the flag (default off) and documents it in --help', () => {
    expect(parseArgs(['apply', '-f', 'pod.yaml'])).toMatchObject({ describe: false })
    expect(parseArgs(['apply', '-f', 'pod.yaml', '--describe'])).toMatchObject({ describe: true })
    expect(USAGE).toContain('[--describe]')
    expect(USAGE).toMatch(/--describe {12}\(apply\) print `kubectl describe pod` in full/)
  })

  it('prints the full describe after the run, fields aligned as kubectl aligns them, Events last', () => {
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml', '--describe')
    expect(r.code).toBe(0)
    const text = r.out.slice(r.out.indexOf('$ kubectl describe pod nginx\n'))
    expect(text).toMatch(
      /^\$ kubectl describe pod nginx\nName: {13}nginx\nNamespace: {8}default\nPriority: {9}0\n/,
    )
    expect(text).toMatch(/\nService Account: {2}default\nNode: {13}worker-\d\/192\.168\.49\.\d+\nStart Time: {7}\w{3}, /)
    expect(text).toMatch(/\nStatus: {11}Running\nIP: {15}10\.244\.\d\.\d+\nIPs:\n {2}IP: {2}10\.244\./)
    expect(text).toMatch(/\n {4}State: {10}Running\n {6}Started: {6}\w{3}, .+\n {4}Ready: {10}True\n {4}Restart Count: {2}0\n/)
    expect(text).toMatch(/\n {6}\/var\/run\/secrets\/kubernetes\.io\/serviceaccount from kube-api-access-\w{5} \(ro\)\n/)
    expect(text).toContain('\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n')
    expect(text).toContain('    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n')
    expect(text).toContain('\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n')
    expect(text).toMatch(/\nEvents:\n {2}Type {4}Reason {5}Age {3}From {15}Message\n/)
    expect(text).toMatch(/ {2}Normal {2}Started {4}\d+s {4}kubelet {12}spec\.containers\{nginx\}: Started container nginx\n$/)
  })

  it('without the flag, only the Events are printed, as before', () => {
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml')
    expect(r.out).toContain('$ kubectl describe pod nginx   # Events\nEvents:\n')
    expect(r.out).not.toContain('Service Account:')
  })
})
