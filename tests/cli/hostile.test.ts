import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourceByKind } from '../../src/engine/apiserver/resources.ts'

// Issue #16: wrong types and `null` where an object is expected end with the real component's answer (Go's zero
// value where encoding/json gives one, a decoding error where it refuses), never `podbirth: internal error` / 70.
const cwd = new URL('../..', import.meta.url).pathname
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/podbirth.mjs', ...args], { encoding: 'utf8', cwd, timeout: 30_000 })
  expect(r.stderr).not.toContain('internal error')
  expect(r.status).not.toBe(70)
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const H = 'tests/fixtures/hostile'
const apply = (name: string) => run('apply', '-f', `${H}/${name}.yaml`)
const withCluster = (name: string) => run('apply', '-f', 'tests/fixtures/nginx.yaml', '--cluster', `${H}/${name}.yaml`)
const withConfig = (name: string) => run('explain', '-f', 'tests/fixtures/nginx.yaml', '--config', `${H}/${name}.yaml`)
const QUANTITY = 'cannot be handled as a Pod: quantities must match the regular expression '
  + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// The decoding error names the offending value's line and column (typeGuard.ts clusterDecodeMessage) once the
// loader passes the file's text; until then the position is optional here.
const decodeBadCluster = (file: string, kind: string, at: string, msg: string) => new RegExp(
  `^${escape(`podbirth: invalid cluster file: ${H}/${file}.yaml: ${kind}`)}(${escape(` at ${at}`)})?`
  + `${escape(`: json: cannot unmarshal ${msg}\n`)}$`)

describe('podbirth CLI, hostile types and nulls (issue #16)', { timeout: 60_000 }, () => {
  it('kind: 7 — kubectl finds no REST mapping', () => {
    const r = apply('type-kind-number')
    expect(r.code).toBe(1)
    expect(r.out).toContain('no matches for kind "7" in version "v1"')
  })

  it('kind: List with items: [null] — an item without kind, refused by kubectl validation', () => {
    const r = apply('null-list-item')
    expect(r.code).toBe(1)
    expect(r.out).toContain(`error: error validating "${H}/null-list-item.yaml": error validating data: [kind not set]`)
  })

  it('kind: List with a string item — encoding/json refuses it as an object', () => {
    const r = apply('type-list-item-string')
    expect(r.code).toBe(1)
    expect(r.out).toContain(`error: error parsing ${H}/type-list-item-string.yaml: json: cannot unmarshal string `
      + 'into Go value of type map[string]interface {}')
  })

  it('tolerations: [null] — the zero Toleration fails ValidateTolerations', () => {
    const r = apply('null-toleration')
    expect(r.code).toBe(1)
    expect(r.out).toContain('The Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: "": operator must be '
      + 'Exists when `key` is empty, which means "match all values and all keys"')
  })

  it('a null nodeSelectorTerm — the zero term matches no node: Pending with FailedScheduling', () => {
    const r = apply('null-affinity-term')
    expect(r.code).toBe(0)
    expect(r.out).toContain('pod/p created')
    expect(r.out).toMatch(/FailedScheduling +.*didn't match Pod's node affinity\/selector/)
  })

  it('cpu: null — Quantity.UnmarshalJSON gives the zero quantity; the pod runs', () => {
    const r = apply('null-cpu')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/\np +1\/1 +Running/)
  })

  for (const [file, what] of [['type-cpu-bool', 'cpu: true'], ['type-cpu-list', 'cpu: [1]'],
    ['type-memory-map', 'memory: {a: 1}'], ['type-cpu-huge', 'cpu: 1e999999999 (unquoted)']]) {
    it(`${what} — the apiserver's quantity decoding error, at once`, () => {
      const r = apply(file)
      expect(r.code).toBe(1)
      expect(r.out).toContain(`Error from server (BadRequest): error when creating "${H}/${file}.yaml": `
        + `Pod in version "v1" ${QUANTITY}`)
    })
  }

  it('cpu: "1e999999999" (a string) — a valid quantity (int64Amount scale 999999999): MilliValue() overflows to 0, '
    + 'so the pod is scheduled and runs', () => {
    const r = apply('type-cpu-huge-string')
    expect(r.code).toBe(0)
    expect(r.out).toContain('pod/p created')
    expect(r.out).toContain('admitted (requests cpu 0m')
    expect(r.out).toMatch(/\np +1\/1 +Running/)
  })

  it('a Node whose status.capacity is null — the zero map: the kubelet reports its defaults', () => {
    const r = withCluster('null-node-capacity')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/\nnginx +1\/1 +Running .* n1 /)
  })

  it('a Node whose name is a number — encoding/json refuses it', () => {
    const r = withCluster('type-node-name-number')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(decodeBadCluster('type-node-name-number', 'Node', 'line 3, column 18',
      'number into Go struct field ObjectMeta.metadata.name of type string'))
  })

  it('a kubeconfig user with user: null — no credentials: the apiserver sees system:anonymous', () => {
    const r = withCluster('null-kubeconfig-user')
    expect(r.code).toBe(1)
    expect(r.out).toContain('User "system:anonymous" cannot get resource "pods" in API group "" '
      + 'in the namespace "default"')
  })

  it('a kubeconfig whose users list holds null — the zero NamedAuthInfo has no name', () => {
    const r = withCluster('null-kubeconfig-users-entry')
    expect(r.code).toBe(1)
    expect(r.out).toContain('error: auth info "admin" does not exist')
  })

  it('a ResourceQuota with null hard entries — zero quantities: the quota refuses the pod', () => {
    const r = withCluster('null-resourcequota-hard')
    expect(r.code).toBe(1)
    expect(r.out).toContain('pods "nginx" is forbidden: exceeded quota: q, requested: cpu=100m,pods=1, '
      + 'used: cpu=0,pods=0, limited: cpu=0,pods=0')
  })

  it('a ResourceQuota manifest with null hard entries is created', () => {
    const r = apply('null-resourcequota-hard')
    expect(r.code).toBe(0)
  })

  it('a SimulatorConfig whose registry holds null — podbirth\'s own message', () => {
    const r = withCluster('null-simulatorconfig-registry')
    expect(r.code).toBe(2)
    expect(r.err).toBe(`podbirth: invalid cluster file: ${H}/null-simulatorconfig-registry.yaml: SimulatorConfig: `
      + 'each registry entry needs repository (string) and tags (map of tag to size)\n')
  })

  it('a SimulatorConfig with a wrong type — podbirth\'s own message, at the value\'s line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbirth-simcfg-'))
    const file = join(dir, 'cluster.yaml')
    writeFileSync(file, 'apiVersion: podbirth.dev/v1alpha1\nkind: SimulatorConfig\nlatencies:\n  network: "fast"\n')
    const r = run('apply', '-f', 'tests/fixtures/nginx.yaml', '--cluster', file)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`podbirth: invalid cluster file: ${file}: SimulatorConfig at line 4, column 12: `
      + 'latencies.network must be a non-negative number of milliseconds\n')
  })

  it('KubeSchedulerConfiguration profiles: a string — refused in a cluster file and by explain --config', () => {
    const msg = 'string into Go struct field KubeSchedulerConfiguration.profiles of type []v1.KubeSchedulerProfile'
    const c = withCluster('type-scheduler-profiles-string')
    expect(c.code).toBe(2)
    expect(c.err).toMatch(decodeBadCluster('type-scheduler-profiles-string', 'KubeSchedulerConfiguration',
      'line 3, column 11', msg))
    const e = withConfig('type-scheduler-profiles-string')
    expect(e.code).toBe(1)
    expect(e.err).toBe(`kube-scheduler: tests/fixtures/hostile/type-scheduler-profiles-string.yaml: at line 3, column 11: json: cannot unmarshal ${msg}\n`)
  })

  for (const file of ['null-scheduler-profile', 'null-scheduler-plugins', 'null-scheduler-pluginconfig']) {
    it(`${file} — Go's zero value is the default profile: the pod is scheduled`, () => {
      const r = withCluster(file)
      expect(r.code).toBe(0)
      expect(r.out).toMatch(/\nnginx +1\/1 +Running .* worker-a /)
    })
  }

  it('plugins.filter.enabled: [null] — the zero Plugin is named "": kube-scheduler does not start', () => {
    const r = withConfig('null-scheduler-plugin')
    expect(r.code).toBe(1)
    expect(r.err).toBe('kube-scheduler: initializing profiles: creating profile for scheduler name default-scheduler: '
      + 'FilterPlugin "" does not exist\n')
  })

  // Every kind is decoded against its schema (src/engine/api/schema): the apiserver's 400 in v1.35's words —
  // rest.go transformDecodeError ("<Kind> in version "<version without group>" cannot be handled as a <Kind>: …").
  const badRequest = (file: string, kind: string, why: string) => `Error from server (BadRequest): error when creating `
    + `"${H}/${file}.yaml": ${kind} in version "v1" cannot be handled as a ${kind}: ${why}`
  for (const [file, kind, why] of [
    ['type-service-targetport-bool', 'Service', 'json: cannot unmarshal bool into Go value of type int32'],
    ['type-priorityclass-value-fraction', 'PriorityClass',
      'json: cannot unmarshal number 1.5 into Go struct field PriorityClass.value of type int32'],
    ['type-secret-data-number', 'Secret',
      'json: cannot unmarshal number into Go struct field Secret.data of type []uint8'],
    ['type-role-verbs-string', 'Role',
      'json: cannot unmarshal string into Go struct field PolicyRule.rules.verbs of type []string'],
    ['unknown-configmap-field', 'ConfigMap', 'strict decoding error: unknown field "date"'],
  ]) {
    it(`${file} — ${kind}: the apiserver's decoding error`, () => {
      const r = apply(file)
      expect(r.code).toBe(1)
      expect(r.out).toContain(badRequest(file, kind, why))
    })
  }

  it.skipIf(!resourceByKind('apps/v1', 'Deployment'))('a Deployment whose replicas is a string', () => {
    const r = apply('type-deployment-replicas-string')
    expect(r.code).toBe(1)
    expect(r.out).toContain(badRequest('type-deployment-replicas-string', 'Deployment',
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'))
  })

  it('a cluster file ReplicaSet whose replicas is a string — refused before the cluster starts', () => {
    const r = withCluster('type-cluster-replicaset-replicas')
    expect(r.code).toBe(2)
    expect(r.err).toContain(`podbirth: invalid cluster file: ${H}/type-cluster-replicaset-replicas.yaml: ReplicaSet`)
    expect(r.err).toContain('json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas '
      + 'of type int32')
  })
})

// Issue #16, the hostile corpus: alias bombs, BOM, invalid UTF-8, tabs, duplicate keys, HTML in names and labels,
// and oversized annotations (generated here rather than committed).

describe('podbirth CLI, the hostile corpus (issue #16)', { timeout: 60_000 }, () => {
  // No wall-clock assertion (speed is measured by benchmarks): the test's timeout is what catches a hang.
  const timedApply = (file: string) => run('apply', '-f', file, '--until', '5s')
  const parseError = (name: string, msg: string) =>
    `error: error parsing ${H}/${name}.yaml: error converting YAML to JSON: yaml: ${msg}`

  for (const name of ['alias-bomb-exponential', 'alias-bomb-deep']) {
    it(`${name} — refused as goyaml refuses it ("excessive aliasing")`, () => {
      const r = timedApply(`${H}/${name}.yaml`)
      expect(r.code).toBe(1)
      expect(r.out).toContain(parseError(name, 'document contains excessive aliasing'))
    })
  }

  it('tabs as indentation — the YAML scanner\'s error at its line', () => {
    const r = apply('tabs-indent')
    expect(r.code).toBe(1)
    expect(r.out).toContain(parseError('tabs-indent', 'line 4: found character that cannot start any token'))
  })

  it('a duplicate key — refused while converting YAML to JSON', () => {
    const r = apply('duplicate-keys')
    expect(r.code).toBe(1)
    expect(r.out).toContain(parseError('duplicate-keys', 'line 5: mapping key already defined'))
  })

  it('a UTF-8 byte order mark — skipped by the reader: the pod is created', () => {
    const r = apply('bom')
    expect(r.code).toBe(0)
    expect(r.out).toContain('pod/p created')
  })

  it('invalid UTF-8 bytes in a label value — an answer with a message, never a crash', () => {
    // Simplified (reported to the lead): goyaml's reader refuses invalid UTF-8 ("yaml: invalid leading UTF-8
    // octet"); podbirth decodes the bytes as U+FFFD and the API server then refuses the label.
    const r = apply('invalid-utf8')
    expect(r.code).toBe(1)
    expect(r.out).toContain('metadata.labels: Invalid value: "we\ufffdb"')
  })

  it('HTML in a name — the API server\'s validation message, with the name echoed verbatim as text', () => {
    const r = apply('html-name')
    expect(r.code).toBe(1)
    expect(r.out).toContain('The Pod "<img src=x onerror=alert(1)>" is invalid: metadata.name: Invalid value: '
      + '"<img src=x onerror=alert(1)>": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric '
      + 'characters, \'-\' or \'.\', and must start and end with an alphanumeric character')
  })

  it('a <script> name holds a "/" — kubectl refuses the path segment before any request', () => {
    const r = apply('html-name-script')
    expect(r.code).toBe(1)
    expect(r.out).toContain('invalid resource name "<script>alert(1)</script>": [may not contain \'/\']')
  })

  it('HTML in a label value — the API server\'s label validation message', () => {
    const r = apply('html-label')
    expect(r.code).toBe(1)
    expect(r.out).toContain('The Pod "p" is invalid: metadata.labels: Invalid value: "<img src=x onerror=alert(1)>": '
      + 'a valid label must be an empty string or consist of alphanumeric characters')
  })

  const dir = mkdtempSync(join(tmpdir(), 'podbirth-hostile-'))
  const podWithAnnotation = (bytes: number) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n'
    + `    big: ${'x'.repeat(bytes)}\nspec:\n  containers:\n  - {name: c, image: nginx:1.27}\n`

  it('a 10 MB annotation — over the API server\'s request limit: refused before it is read in full', () => {
    const file = join(dir, 'annotation-10mb.yaml')
    writeFileSync(file, podWithAnnotation(10 * 1024 * 1024))
    const r = timedApply(file)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`podbirth: cannot read manifest "${file}": it is 10485883 bytes, over the limit of `
      + '3145728 bytes (3 MiB), the API server\'s request limit ("Request entity too large: limit is 3145728")')
  })

  // Upstream ValidateAnnotations (apimachinery v1.35 pkg/api/validation/objectmeta.go) refuses more than
  // TotalAnnotationSizeLimitB = 262144 bytes with field.TooLong.
  it('a 300 KiB annotation — over TotalAnnotationSizeLimitB: "Too long: may not be more than 262144 bytes"', () => {
    const file = join(dir, 'annotation-300k.yaml')
    writeFileSync(file, podWithAnnotation(300 * 1024))
    const r = timedApply(file)
    expect(r.code).toBe(1)
    expect(r.out).toContain('metadata.annotations: Too long: may not be more than 262144 bytes')
  })
})
