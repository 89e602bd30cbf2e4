import { describe, expect, it } from 'vitest'
import { NGINX, applyAndRun } from './helpers.ts'

const podEvents = (sim: ReturnType<typeof applyAndRun>, name = 'nginx') =>
  sim.events().filter((e) => e.involvedObject.name === name).sort((a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion))

describe('the birth of a plain nginx pod', () => {
  const sim = applyAndRun({ manifests: NGINX })
  const pod = sim.pods().find((p) => p.metadata?.name === 'nginx')

  it('kubectl prints what kubectl prints', () => {
    expect(sim.kubectlResults[0]).toEqual({ stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 })
  })

  it('ends Running on a worker with an IP from that node\'s pod CIDR (.2 first)', () => {
    expect(pod?.status?.phase).toBe('Running')
    const node = sim.nodes().find((n) => n.metadata?.name === pod?.spec?.nodeName)
    expect(node?.metadata?.name).toMatch(/^worker-/)
    const cidr = node?.spec?.podCIDR as string
    expect(pod?.status?.podIP).toBe(cidr.replace(/0\/24$/, '2'))
  })

  it('has the conditions in kubelet order, all True', () => {
    expect(pod?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ])
    expect(pod?.status?.qosClass).toBe('Burstable')
    expect(pod?.status?.containerStatuses?.[0].state?.running?.startedAt).toBeTruthy()
    expect(pod?.status?.containerStatuses?.[0].state?.waiting).toBeUndefined()
  })

  it('records the upstream events in order', () => {
    const evs = podEvents(sim).map((e) => `${e.type} ${e.reason} ${e.message}`)
    expect(evs).toEqual([
      `Normal Scheduled Successfully assigned default/nginx to ${pod?.spec?.nodeName}`,
      'Normal Pulled Container image "nginx:1.27" already present on machine and can be accessed by the pod',
      'Normal Created Created container: nginx',
      'Normal Started Started container nginx',
    ])
  })

  it('starts in about 1–2 s of virtual time', () => {
    const first = sim.trace[0].t
    const running = sim.trace.find((e) => e.type === 'kubelet:StatusUpdate' && e.summary.startsWith('status: Running'))
    const seconds = ((running?.t ?? 0) - first) / 1e6
    expect(seconds).toBeGreaterThan(0.8)
    expect(seconds).toBeLessThan(2.5)
  })

  it('shows every stage in the trace, in causal order', () => {
    const order = ['kubectl:Kubeconfig', 'apiserver:Authenticate', 'apiserver:Authorize', 'apiserver:Admit', 'apiserver:Validate', 'etcd:Txn', 'scheduler:Enqueue', 'scheduler:Filter', 'scheduler:Score', 'kubelet:PodObserved', 'kubelet:Admit', 'cri:RunPodSandbox', 'cni:ADD', 'cri:ImageStatus', 'cri:CreateContainer', 'cri:StartContainer', 'kubelet:StatusUpdate']
    let last = -1
    for (const type of order) {
      const i = sim.trace.findIndex((e, idx) => idx > last && e.type === type)
      expect(i, type).toBeGreaterThan(last)
      last = i
    }
    for (const lane of ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet', 'CRI', 'CNI']) expect(sim.trace.some((e) => e.lane === lane), lane).toBe(true)
  })

  it('applies the defaults and admission mutations a real apiserver does', () => {
    expect(pod?.spec?.restartPolicy).toBe('Always')
    expect(pod?.spec?.schedulerName).toBe('default-scheduler')
    expect(pod?.spec?.containers[0].imagePullPolicy).toBe('IfNotPresent')
    expect(pod?.spec?.serviceAccountName).toBe('default')
    expect(pod?.spec?.volumes?.[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(pod?.spec?.tolerations?.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready:NoExecute:300', 'node.kubernetes.io/unreachable:NoExecute:300'])
    expect(pod?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toMatch(/^\{"apiVersion":"v1","kind":"Pod","metadata":\{"annotations":\{\},"labels":\{"app":"nginx"\},"name":"nginx","namespace":"default"\}/)
  })

  it('resourceVersion strictly increases with every etcd write', () => {
    const revs = sim.trace.filter((e) => e.change).map((e) => e.change?.revision as number)
    for (let i = 1; i < revs.length; i++) expect(revs[i]).toBeGreaterThan(revs[i - 1])
  })
})

describe('determinism', () => {
  it('the same inputs and seed give a byte-identical trace', () => {
    const a = JSON.stringify(applyAndRun({ manifests: NGINX, seed: 7 }).trace)
    const b = JSON.stringify(applyAndRun({ manifests: NGINX, seed: 7 }).trace)
    expect(a).toBe(b)
  })
  it('a different seed changes random choices (uids), not the story', () => {
    const a = applyAndRun({ manifests: NGINX, seed: 1 })
    const b = applyAndRun({ manifests: NGINX, seed: 2 })
    expect(a.pods()[0].metadata?.uid).not.toBe(b.pods()[0].metadata?.uid)
    expect(b.pods().find((p) => p.metadata?.name === 'nginx')?.status?.phase).toBe('Running')
  })
})
