// Texts: kubernetes/kubectl tag kubernetes-1.35.7 pkg/drain/filters.go and pkg/cmd/drain/drain.go.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types.ts'
import { drainFailureText, drainFilter } from './drain.ts'

const pod = (name: string, extra: Partial<Pod> = {}, owner?: string): Pod => ({
  metadata: {
    name,
    namespace: 'default',
    ...(owner
      ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner, name: 'o', uid: 'u', controller: true }] }
      : {}),
  },
  spec: { containers: [] },
  ...extra,
})

describe('drainFilter', () => {
  const rs = pod('web-1', {}, 'ReplicaSet')
  const ds = {
    ...pod('proxy', {}, 'DaemonSet'),
    metadata: { ...pod('proxy', {}, 'DaemonSet').metadata, namespace: 'kube-system' },
  }
  const bare = pod('bare')
  const scratch = pod('cache', { spec: { containers: [], volumes: [{ name: 'tmp', emptyDir: {} }] } }, 'ReplicaSet')
  const mirror = pod('etcd', {
    metadata: { name: 'etcd', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'x' } },
  })
  const done = pod('job', { status: { phase: 'Succeeded' } })

  it('evicts controlled pods and refuses DaemonSet, local storage and bare pods without the flags', () => {
    const r = drainFilter([rs, ds, bare, scratch, mirror, done], {
      ignoreDaemonsets: false,
      deleteEmptydirData: false,
      force: false,
    })
    expect(r.evict.map((p) => p.metadata?.name)).toEqual(['web-1', 'job'])
    expect(r.warning).toBe('')
    expect(r.errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/proxy',
      // unmanagedFatal already starts with "cannot delete", and errors() prefixes it again: upstream's text.
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ])
  })
  it('warns instead with --ignore-daemonsets --delete-emptydir-data --force', () => {
    const r = drainFilter([rs, ds, bare, scratch], { ignoreDaemonsets: true, deleteEmptydirData: true, force: true })
    expect(r.evict.map((p) => p.metadata?.name)).toEqual(['web-1', 'bare', 'cache'])
    expect(r.errors).toEqual([])
    // filterPods keeps the last filter's status: the controlled emptyDir pod's local-storage warning is
    // overwritten by unreplicatedFilter's okay, so upstream never prints it.
    expect(r.warning).toBe(
      'Warning: ignoring DaemonSet-managed Pods: kube-system/proxy; deleting Pods that declare no controller: ' +
        'default/bare\n',
    )
  })
  it('prints the failure as kubectl does', () => {
    expect(
      drainFailureText('w1', [
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/proxy',
      ]),
    ).toBe(
      'error: unable to drain node "w1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets ' +
        'to ignore): kube-system/proxy, continuing command...\nThere are pending nodes to be drained:\n w1\n' +
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/proxy\n',
    )
  })
})
