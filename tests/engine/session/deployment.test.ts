/**
 * A Deployment's life through a session: kube-controller-manager's deployment and replicaset controllers and the
 * garbage collector, driven by kubectl commands as a presenter types them.
 */
import { describe, expect, it } from 'vitest'
import { k, live, named, out, ready, ROLLOUT_AND_UNDO, runSession } from './helpers.ts'

const HASH = '[bcdfghjklmnpqrstvwxz2456789]{1,10}'
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}'

describe('kubectl create deployment web --image=nginx:1.27 --replicas=3', () => {
  const sim = runSession([
    k('create deployment web --image=nginx:1.27 --replicas=3'),
    k('rollout status deployment/web'),
    k('get pods'),
  ])
  const [d] = sim.deployments()
  const [rs] = sim.replicaSets()
  const pods = sim.pods().filter(named('web-'))

  it('prints deployment.apps/web created and the rollout until it is done', () => {
    expect(out(sim, 0)).toBe('deployment.apps/web created\n')
    const status = out(sim, 1).trimEnd().split('\n')
    expect(status.at(-1)).toBe('deployment "web" successfully rolled out')
    expect(status).toContain('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...')
  })

  it('makes one ReplicaSet named web-<pod-template-hash>, owned by the Deployment, revision 1', () => {
    expect(sim.replicaSets()).toHaveLength(1)
    const hash = rs.metadata?.labels?.['pod-template-hash'] ?? ''
    expect(rs.metadata?.name).toBe(`web-${hash}`)
    expect(hash).toMatch(new RegExp(`^${HASH}$`))
    expect(rs.metadata?.ownerReferences).toEqual([{
      apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata?.uid, controller: true, blockOwnerDeletion: true,
    }])
    expect(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(rs.spec?.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
  })

  it('makes three pods named web-<hash>-<5 characters>, owned by the ReplicaSet, all Running and ready', () => {
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(new RegExp(`^${rs.metadata?.name}-${SUFFIX}$`))
      expect(p.metadata?.generateName).toBe(`${rs.metadata?.name}-`)
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata?.name, uid: rs.metadata?.uid, controller: true })
      expect(p.status?.phase).toBe('Running')
      expect(ready(p)).toBe(true)
    }
    expect(out(sim, 2).split('\n').filter((l) => / Running /.test(l))).toHaveLength(3)
  })

  it('records the Events upstream records: ScalingReplicaSet on the Deployment, SuccessfulCreate on the ReplicaSet', () => {
    const events = sim.events()
    const onD = events.filter((e) => e.involvedObject.kind === 'Deployment')
    expect(onD.map((e) => [e.reason, e.message, e.source?.component])).toEqual([
      ['ScalingReplicaSet', `Scaled up replica set ${rs.metadata?.name} from 0 to 3`, 'deployment-controller'],
    ])
    const onRS = events.filter((e) => e.involvedObject.kind === 'ReplicaSet').map((e) => `${e.reason}: ${e.message}`)
    expect(onRS.sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata?.name}`).sort())
  })

  it('ends with the status and conditions upstream writes', () => {
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    const conds = Object.fromEntries((d.status?.conditions ?? []).map((c) => [c.type, [c.status, c.reason, c.message]]))
    expect(conds.Available).toEqual(['True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'])
    expect(conds.Progressing).toEqual(['True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata?.name}" has successfully progressed.`])
  })

  it('draws the controllers in the kube-controller-manager lane', () => {
    const types = new Set(sim.trace.filter((e) => e.lane === 'kube-controller-manager').map((e) => e.type))
    expect(types).toContain('kcm:DeploymentSync')
    expect(types).toContain('kcm:ReplicaSetSync')
  })
})

describe('scale', () => {
  it('up to 5 and down to 2: the ReplicaSet follows, the youngest pods go first', () => {
    const sim = runSession([
      k('create deployment web --image=nginx:1.27 --replicas=3'),
      k('rollout status deployment/web'),
      k('scale deployment web --replicas=5'),
      k('rollout status deployment/web'),
      k('scale deployment/web --replicas=2'),
    ], { untilMs: 120_000 })
    expect(out(sim, 2)).toBe('deployment.apps/web scaled\n')
    expect(live(sim.pods().filter(named('web-')))).toHaveLength(2)
    const [rs] = sim.replicaSets()
    expect(rs.spec?.replicas).toBe(2)
    const messages = sim.events().filter((e) => e.involvedObject.kind === 'Deployment').map((e) => e.message)
    expect(messages).toEqual([
      `Scaled up replica set ${rs.metadata?.name} from 0 to 3`,
      `Scaled up replica set ${rs.metadata?.name} from 3 to 5`,
      `Scaled down replica set ${rs.metadata?.name} from 5 to 2`,
    ])
  })
})

const ROLLING = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx:1.27}
`

describe('a rolling update with maxSurge 1 and maxUnavailable 0', () => {
  const sim = runSession([
    k('apply -f web.yaml', { files: { 'web.yaml': ROLLING } }),
    k('rollout status deployment/web'),
    k('set image deployment/web nginx=nginx:1.28'),
    k('rollout status deployment/web'),
  ])
  it('never has fewer ready pods than replicas once the first rollout is done, nor more than 4 pods', () => {
    const firstDone = sim.sessionResults[1].endMs * 1000
    let minReady = Infinity
    let maxPods = 0
    const pods = new Map<string, { ready: boolean; deleting: boolean }>()
    for (const e of sim.trace) {
      const c = e.change
      if (!c || c.kind !== 'Pod') continue
      if (c.type === 'DELETED') pods.delete(c.key)
      else {
        const p = c.after as import('../../../src/engine/api/types.ts').Pod
        pods.set(c.key, { ready: ready(p), deleting: !!p.metadata?.deletionTimestamp })
      }
      if (e.t < firstDone) continue
      minReady = Math.min(minReady, [...pods.values()].filter((p) => p.ready && !p.deleting).length)
      maxPods = Math.max(maxPods, [...pods.values()].filter((p) => !p.deleting).length)
    }
    expect(minReady).toBeGreaterThanOrEqual(3)
    expect(maxPods).toBeLessThanOrEqual(4)
  })
  it('ends with every pod on nginx:1.28 under a second ReplicaSet, the first scaled to 0 and kept', () => {
    const pods = live(sim.pods().filter(named('web-')))
    expect(pods.map((p) => p.spec?.containers[0].image)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
    const rss = sim.replicaSets().map((r) => [r.metadata?.annotations?.['deployment.kubernetes.io/revision'], r.spec?.replicas])
    expect(rss.sort()).toEqual([['1', 0], ['2', 3]])
    expect(out(sim, 2)).toBe('deployment.apps/web image updated\n')
  })
})

describe('rollout undo', () => {
  it('goes back to the previous template: the old ReplicaSet becomes revision 3 and takes the pods back', () => {
    const sim = runSession([...ROLLOUT_AND_UNDO, k('rollout history deployment/web')])
    expect(out(sim, 4)).toBe('deployment.apps/web rolled back\n')
    expect(sim.replicaSets()).toHaveLength(2)
    const first = sim.replicaSets().find((r) => r.spec?.template?.spec?.containers[0].image === 'nginx:1.27')
    expect(first?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(first?.spec?.replicas).toBe(2)
    expect(out(sim, 6)).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  })
})

describe('kubectl delete deployment', () => {
  it('deletes the Deployment; the garbage collector deletes its ReplicaSet and pods (background propagation)', () => {
    const sim = runSession([
      k('create deployment web --image=nginx:1.27 --replicas=2'),
      k('rollout status deployment/web'),
      k('delete deployment web'),
    ])
    expect(out(sim, 2)).toBe('deployment.apps "web" deleted from default namespace\n')
    expect(sim.deployments()).toEqual([])
    expect(sim.replicaSets()).toEqual([])
    expect(sim.pods().filter(named('web-'))).toEqual([])
    const gc = sim.trace.filter((e) => e.type === 'kcm:GarbageCollect').map((e) => e.summary)
    expect(gc).toHaveLength(2)
  })
})
