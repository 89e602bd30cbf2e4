import { describe, expect, it } from 'vitest'
import { labelsFor, pathTail, stepLabel } from './labels.ts'
import type { LabelInput } from './labels.ts'

const step = (type: string, summary: string, over: Partial<LabelInput> = {}): LabelInput =>
  ({ type, summary, lane: 'kube-apiserver', outcome: 'ok', ...over }) as LabelInput

describe('step labels', () => {
  it('name a request by its verb and path tail', () => {
    expect(stepLabel(step('http:Request', 'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict', { lane: 'kubectl', from: 'kubectl', to: 'kube-apiserver' }))).toBe('POST pods')
    expect(stepLabel(step('http:Request', 'GET /api/v1/namespaces/default/pods/nginx'))).toBe('GET pods/nginx')
    expect(stepLabel(step('http:Request', 'PATCH /api/v1/namespaces/default/pods/nginx/status'))).toBe('PATCH pods/nginx/status')
    expect(stepLabel(step('http:Request', 'POST /api/v1/namespaces/default/pods/nginx/binding'))).toBe('POST pods/nginx/binding')
  })

  it('give a response its status code, and say when a refusal was expected', () => {
    expect(stepLabel(step('http:Response', '201 Created'))).toBe('201')
    expect(stepLabel(step('http:Response', '404 Not Found: pods "nginx" not found', { outcome: 'error' }))).toBe('404')
    expect(stepLabel(step('http:Response', '404 Not Found: pods "nginx" not found', { outcome: 'info' }))).toBe('404 expected')
  })

  it('name the watch event, the CRI or CNI call and the etcd revision', () => {
    expect(stepLabel(step('watch:Notify', 'watch → kube-scheduler: ADDED Pod default/nginx rv=34'))).toBe('ADDED')
    expect(stepLabel(step('watch:Notify', 'watch → kubelet (worker-2): MODIFIED Pod default/nginx rv=37'))).toBe('MODIFIED')
    expect(stepLabel(step('cri:RunPodSandbox', 'RunPodSandbox(default/nginx)', { lane: 'kubelet', from: 'kubelet', to: 'CRI' }))).toBe('RunPodSandbox')
    expect(stepLabel(step('cri:RunPodSandbox', 'sandbox ready', { lane: 'CRI', from: 'CRI', to: 'kubelet' }))).toBe('RunPodSandbox done')
    expect(stepLabel(step('cri:PullImage', 'failed: not found', { lane: 'CRI', from: 'CRI', to: 'kubelet', outcome: 'error' }))).toBe('PullImage failed')
    expect(stepLabel(step('cni:ADD', 'CNI ADD /var/run/netns/x', { lane: 'CRI', from: 'CRI', to: 'CNI' }))).toBe('ADD')
    expect(stepLabel(step('etcd:Txn', 'PUT /registry/pods/default/nginx → revision 35', { lane: 'etcd', from: 'etcd', to: 'kube-apiserver', change: { revision: 35 } }))).toBe('rev 35')
    expect(stepLabel(step('etcd:Txn', 'PUT /registry/pods/default/nginx → revision 36', { lane: 'etcd', from: 'etcd', to: 'kube-apiserver' }))).toBe('rev 36')
    expect(stepLabel(step('etcd:Txn', 'Txn PUT /registry/pods/default/nginx if mod_revision=0', { from: 'kube-apiserver', to: 'etcd' }))).toBe('Txn')
  })

  it('fall back to the reason, the plugin, the phase or the step name', () => {
    expect(stepLabel(step('event:Record', 'Event Normal Scheduled: Successfully assigned default/nginx to worker-2'))).toBe('Scheduled')
    expect(stepLabel(step('apiserver:Admit', 'mutating admission ServiceAccount: sets serviceAccountName'))).toBe('ServiceAccount')
    expect(stepLabel(step('kubelet:StatusUpdate', 'status: Running, IP 10.244.2.2, nginx running'))).toBe('status Running')
    expect(stepLabel(step('kubelet:Backoff', 'image pull back-off 10s for nginx:1.99'))).toBe('back-off 10s')
    expect(stepLabel(step('scheduler:Filter', 'Filter: 2/3 nodes feasible'))).toBe('Filter')
  })

  it('cut a path after its namespace or its group and version', () => {
    expect(pathTail('/api/v1/nodes/worker-1')).toBe('nodes/worker-1')
    expect(pathTail('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/w1')).toBe('leases/w1')
    expect(pathTail('/apis/scheduling.k8s.io/v1/priorityclasses')).toBe('priorityclasses')
  })

  it('are looked up by trace index, each worked out once', () => {
    const labels = labelsFor([step('http:Response', '201 Created'), step('watch:Notify', 'DELETED'), step('http:Response', 'no code')])
    expect([labels.get(0), labels.get(1), labels.get(2), labels.get(7)]).toEqual(['201', 'DELETED', undefined, undefined])
  })
})
