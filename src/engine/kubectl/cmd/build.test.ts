import { describe, expect, it } from 'vitest'
import type { Deployment, Node } from '../../api/types.ts'
import {
  buildCreateDeployment,
  buildRunPod,
  canILine,
  containerNameForImage,
  cordonPatch,
  deletedLine,
  evictedLine,
  evictingLine,
  labelPatch,
  restartPatch,
  rolloutStatusLine,
  scalePatch,
  setImagePatch,
  successLine,
  taintPatch,
} from './build.ts'
import { parseKubectl, type KubectlCommand } from './parse.ts'

function cmd<V extends KubectlCommand['verb']>(line: string, verb: V): Extract<KubectlCommand, { verb: V }> {
  const r = parseKubectl(line.split(' '))
  if ('error' in r) throw new Error(r.error.stderr)
  if (r.command.verb !== verb) throw new Error(r.command.verb)
  return r.command as Extract<KubectlCommand, { verb: V }>
}

const node = (taints: Node['spec'] = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'w1' },
  spec: taints,
})

describe('kubectl create deployment (create_deployment.go createDeployment)', () => {
  it('builds what kubectl POSTs', () => {
    const d = buildCreateDeployment(
      cmd('create deployment web --image=nginx:1.27 --replicas=3 --port=80', 'create deployment'),
    )
    expect(d).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    })
    expect(Object.keys(d)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
  })
  it('sets metadata.namespace only when -n is given (EnforceNamespace)', () => {
    expect(
      buildCreateDeployment(cmd('create deployment web --image=nginx -n dev', 'create deployment')).metadata,
    ).toEqual({
      name: 'web',
      namespace: 'dev',
      labels: { app: 'web' },
    })
  })
  it('names containers after the image (buildPodSpec, sanitizeAndUniquify)', () => {
    // TestCreateDeployment uses hollywood/jonny.depp:v2: '.' is replaced and a random suffix added.
    expect(containerNameForImage('hollywood/jonny.depp:v2', 'b2c4d')).toBe('jonny-depp-b2c4d')
    expect(containerNameForImage('registry.k8s.io/pause:3.10', 'xxxxx')).toBe('pause')
    expect(containerNameForImage('busybox@sha256:abc', 'xxxxx')).toBe('busybox')
    expect(containerNameForImage('my_app', 'zzzzz')).toBe('my-app-zzzzz')
    const d = buildCreateDeployment(cmd('create deployment web --image=nginx,busybox -r 2', 'create deployment'))
    expect(d.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['nginx', 'busybox'])
  })
  it('passes a command after --', () => {
    const d = buildCreateDeployment(cmd('create deployment web --image=busybox -- sleep 3600', 'create deployment'))
    expect(d.spec?.template.spec?.containers[0]).toEqual({
      name: 'busybox',
      image: 'busybox',
      command: ['sleep', '3600'],
      resources: {},
    })
  })
})

describe('kubectl run (generate/versioned/run.go BasicPod)', () => {
  it('builds the pod with run: NAME, restartPolicy Always, dnsPolicy ClusterFirst', () => {
    expect(buildRunPod(cmd('run web --image=nginx', 'run'))).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'web', labels: { run: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', resources: {} }],
        restartPolicy: 'Always',
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    })
  })
  it('leaves the namespace to the URL (run.go createGeneratedObject)', () => {
    expect(buildRunPod(cmd('run web --image=nginx -n dev', 'run')).metadata).toEqual({
      name: 'web',
      labels: { run: 'web' },
    })
  })
  it('takes labels, port, env, args and --command', () => {
    const p = buildRunPod(cmd('run x --image=busybox -l a=b --port=8080 --env=K=V --restart=Never -- sleep 1', 'run'))
    expect(p.metadata?.labels).toEqual({ a: 'b' })
    expect(p.spec?.restartPolicy).toBe('Never')
    expect(p.spec?.containers[0]).toEqual({
      name: 'x',
      image: 'busybox',
      args: ['sleep', '1'],
      ports: [{ containerPort: 8080 }],
      env: [{ name: 'K', value: 'V' }],
      resources: {},
    })
    expect(buildRunPod(cmd('run x --image=busybox --command -- sleep 1', 'run')).spec?.containers[0]?.command).toEqual([
      'sleep',
      '1',
    ])
  })
})

describe('patches', () => {
  it('scale PATCHes the scale subresource with a JSON merge patch (scale.go ScaleSimple)', () => {
    expect(scalePatch(5)).toEqual({
      subresource: 'scale',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 5 } },
    })
  })

  const deploy: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: {},
      template: {
        spec: {
          containers: [
            { name: 'nginx', image: 'nginx:1.27' },
            { name: 'side', image: 'busybox' },
          ],
        },
      },
    },
  }
  it('set image sends the strategic merge patch with $setElementOrder', () => {
    expect(setImagePatch(deploy, [['nginx', 'nginx:1.28']])).toEqual({
      errors: [],
      patch: {
        subresource: '',
        contentType: 'application/strategic-merge-patch+json',
        body: {
          spec: {
            template: {
              spec: {
                '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }],
                containers: [{ image: 'nginx:1.28', name: 'nginx' }],
              },
            },
          },
        },
      },
    })
  })
  it('set image: no change sends nothing; an unknown container is an error line', () => {
    expect(setImagePatch(deploy, [['nginx', 'nginx:1.27']])).toEqual({ errors: [] })
    expect(setImagePatch(deploy, [['web', 'nginx:1.28']])).toEqual({
      errors: ['error: unable to find container named "web"'],
    })
    expect(setImagePatch(deploy, [['*', 'x']]).patch?.body).toMatchObject({
      spec: {
        template: {
          spec: {
            containers: [
              { image: 'x', name: 'nginx' },
              { image: 'x', name: 'side' },
            ],
          },
        },
      },
    })
  })

  it('cordon and uncordon (drain/cordon.go, cmd/drain/drain.go already/changed)', () => {
    expect(cordonPatch(node(), true)).toEqual({
      line: 'node/w1 cordoned\n',
      patch: {
        subresource: '',
        contentType: 'application/strategic-merge-patch+json',
        body: { spec: { unschedulable: true } },
      },
    })
    expect(cordonPatch(node({ unschedulable: true }), false)).toMatchObject({
      line: 'node/w1 uncordoned\n',
      patch: { body: { spec: { unschedulable: null } } },
    })
    expect(cordonPatch(node(), false)).toEqual({ line: 'node/w1 already uncordoned\n' })
    expect(cordonPatch(node({ unschedulable: true }), true)).toEqual({ line: 'node/w1 already cordoned\n' })
  })

  describe('taint (taint/utils.go reorganizeTaints; table from utils_test.go TestReorganizeTaints)', () => {
    const old = node({ taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }] })
    const run = (line: string) => taintPatch(old, cmd(`taint nodes w1 ${line}`, 'taint'))
    it('re-adding a present taint with --overwrite reports modified (as "no changes with overwrite is true")', () => {
      expect(run('foo=bar:NoSchedule --overwrite')).toMatchObject({ line: 'node/w1 modified\n' })
    })
    it('add new taint', () => {
      expect(run('foo_1:NoExecute')).toMatchObject({
        line: 'node/w1 tainted\n',
        patch: {
          body: {
            spec: {
              taints: [
                { key: 'foo_1', effect: 'NoExecute' },
                { key: 'foo', value: 'bar', effect: 'NoSchedule' },
              ],
            },
          },
        },
      })
    })
    it('delete taint with effect', () => {
      expect(run('foo:NoSchedule-')).toMatchObject({
        line: 'node/w1 untainted\n',
        patch: { body: { spec: { taints: null } } },
      })
    })
    it('delete taint with no effect', () => {
      expect(run('foo-')).toMatchObject({ line: 'node/w1 untainted\n', patch: { body: { spec: { taints: null } } } })
    })
    it('delete non-exist taint', () => {
      expect(run('foo_1:NoSchedule-')).toEqual({ error: 'error: taint "foo_1:NoSchedule" not found\n' })
    })
    it('add new taint and delete old one', () => {
      expect(run('foo_1:NoSchedule foo:NoSchedule-')).toMatchObject({
        line: 'node/w1 modified\n',
        patch: { body: { spec: { taints: [{ key: 'foo_1', effect: 'NoSchedule' }] } } },
      })
    })
    it("can't update existing taint on the node, since 'overwrite' flag is not set (taint_test.go TestTaint)", () => {
      expect(run('foo=barz:NoSchedule')).toEqual({
        error: 'error: node w1 already has foo taint(s) with same effect(s) and --overwrite is false\n',
      })
    })
  })

  describe('label (label/label.go)', () => {
    const pod = { metadata: { name: 'x', labels: { app: 'web', tier: 'front' } } }
    const run = (line: string) => labelPatch(pod, 'pods', cmd(`label pods x ${line}`, 'label'))
    it('adds, removes and reports', () => {
      expect(run('env=prod')).toEqual({
        notFound: [],
        line: 'pod/x labeled\n',
        patch: {
          subresource: '',
          contentType: 'application/merge-patch+json',
          body: { metadata: { labels: { env: 'prod' } } },
        },
      })
      expect(run('tier-')).toMatchObject({
        line: 'pod/x unlabeled\n',
        patch: { body: { metadata: { labels: { tier: null } } } },
      })
      expect(run('app=web')).toEqual({ notFound: [], line: 'pod/x not labeled\n' })
      expect(run('gone-')).toEqual({ notFound: ['label "gone" not found.\n'], line: 'pod/x not labeled\n' })
      expect(labelPatch({ metadata: { name: 'w1' } }, 'nodes', cmd('label nodes w1 disk=ssd', 'label'))).toMatchObject({
        line: 'node/w1 labeled\n',
      })
    })
    it('refuses to overwrite without --overwrite', () => {
      expect(run('app=api')).toEqual({ error: "error: 'app' already has a value (web), and --overwrite is false\n" })
      expect(run('app=api --overwrite')).toMatchObject({ line: 'pod/x labeled\n' })
    })
  })

  it('rollout restart sets the restartedAt annotation (objectrestarter.go)', () => {
    expect(restartPatch('2026-12-03T13:00:00Z').body).toEqual({
      spec: {
        template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-12-03T13:00:00Z' } } },
      },
    })
  })
})

describe('printed lines', () => {
  it('name printer', () => {
    expect(successLine('deployments', 'web', 'created')).toBe('deployment.apps/web created\n')
    expect(successLine('deployments', 'web', 'scaled')).toBe('deployment.apps/web scaled\n')
    expect(successLine('deployments', 'web', 'image updated')).toBe('deployment.apps/web image updated\n')
    expect(successLine('deployments', 'web', 'rolled back')).toBe('deployment.apps/web rolled back\n')
    expect(successLine('deployments', 'web', 'restarted')).toBe('deployment.apps/web restarted\n')
    expect(successLine('pods', 'x', 'created')).toBe('pod/x created\n')
    expect(successLine('nodes', 'w1', 'drained')).toBe('node/w1 drained\n')
  })
  it('delete names the namespace in v1.35 (delete.go PrintObj)', () => {
    expect(deletedLine('pods', 'x', 'default', -1)).toBe('pod "x" deleted from default namespace\n')
    expect(deletedLine('deployments', 'web', 'dev', 1)).toBe('deployment.apps "web" deleted from dev namespace\n')
    expect(deletedLine('pods', 'x', 'default', 0)).toBe('pod "x" force deleted from default namespace\n')
    expect(deletedLine('nodes', 'w1', 'default', -1)).toBe('node "w1" deleted\n')
  })
  it('drain and can-i', () => {
    expect(evictingLine('default', 'web-1')).toBe('evicting pod default/web-1\n')
    expect(evictedLine('web-1')).toBe('pod/web-1 evicted\n')
    expect(canILine(true)).toBe('yes\n')
    expect(canILine(false)).toBe('no\n')
    expect(canILine(false, 'no RBAC policy matched')).toBe('no - no RBAC policy matched\n')
  })
  it('rollout status (polymorphichelpers/rollout_status.go DeploymentStatusViewer)', () => {
    const d = (status: Deployment['status'], generation = 1): Deployment => ({
      metadata: { name: 'web', generation },
      spec: { replicas: 3, selector: {}, template: {} },
      status,
    })
    expect(rolloutStatusLine(d({ observedGeneration: 0 }))).toEqual({
      line: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    })
    expect(rolloutStatusLine(d({ observedGeneration: 1, updatedReplicas: 1, replicas: 1 }))).toEqual({
      line: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      done: false,
    })
    expect(rolloutStatusLine(d({ observedGeneration: 1, updatedReplicas: 3, replicas: 4 }))).toEqual({
      line: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
      done: false,
    })
    expect(
      rolloutStatusLine(d({ observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 2 })),
    ).toEqual({
      line: 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
      done: false,
    })
    expect(
      rolloutStatusLine(d({ observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 })),
    ).toEqual({
      line: 'deployment "web" successfully rolled out\n',
      done: true,
    })
    expect(
      rolloutStatusLine(
        d({
          observedGeneration: 1,
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
        }),
      ),
    ).toEqual({ error: 'deployment "web" exceeded its progress deadline' })
  })
})
