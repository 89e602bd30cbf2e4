/**
 * What etcd's steps say: a transaction as the kube-apiserver sends it, each change it commits, a failed compare.
 * The write's purpose (etcd/traceTypes.ts WritePurpose) says why the apiserver writes.
 */
import type { StepOf } from '../events.ts'
import type { NarrationTable } from '../narration/types.ts'
import type { EtcdTraceType, WritePurpose } from './traceTypes.ts'

const STORE = 'staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go'
const RV_DOCS = 'https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions'
const ETCD_DOCS = 'https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/'

type Txn = StepOf<'etcd:Txn'>

function laneWords(lane: string): string {
  return lane === 'kubelet' ? 'the kubelet' : lane
}

/** purposeStory says why the apiserver writes, in plain words. */
function purposeStory(p: WritePurpose, key: string): string {
  switch (p.kind) {
    case 'create':
      return `The ${p.objectKind} passed every check, so the API server stores it at ${key}, on the condition that ` +
        'nothing is stored there yet (mod_revision = 0).'
    case 'binding':
      return `The binding writes spec.nodeName = "${p.node}" and the condition PodScheduled=True in one write` +
        `${p.clearedNomination ? `, and drops status.nominatedNodeName (${p.clearedNomination})` : ''}. This is the ` +
        `change the kubelet on ${p.node} is waiting to see.`
    case 'status':
      return `A status write: only .status changes, with what ${laneWords(p.by)} observed; the spec cannot change ` +
        'through this path.'
    case 'patch':
      return `The patch is merged into the stored ${p.objectKind} and written back, on the condition that nobody ` +
        'changed it since it was read.'
    case 'graceful-delete':
      return `Graceful deletion: the pod runs on ${p.node}, so the API server only sets its deletionTimestamp ` +
        `(${p.graceSeconds} s of grace). The kubelet stops the containers, then deletes the pod for good.`
    case 'delete':
      return `The ${p.objectKind} is removed from the store; everyone watching it will be told DELETED.`
    case 'quota-usage':
      return `${p.plugin} records the pod's share in ResourceQuota "${p.quota}" (status.used) before the pod is ` +
        'stored, so two creates at the same moment cannot both slip under the limit.'
  }
}

function purposeExpert(p: WritePurpose): string {
  switch (p.kind) {
    case 'create':
      return 'Store.Create (registry) → etcd3 store.Create: Txn(If(ModRevision(key) = 0)).Then(OpPut(key)).'
    case 'binding':
      return 'BindingREST.Create → assignPod → setPodNodeAndMetadata inside GuaranteedUpdate: the read-modify-write ' +
        `loop compares the pod's mod_revision (node ${p.node}).`
    case 'status':
      return `StatusREST.Update/Patch → GuaranteedUpdate with the status strategy (PrepareForUpdate keeps the old ` +
        `spec), on behalf of ${p.by}.`
    case 'patch':
      return `patchResource applies the patch to the current ${p.objectKind}, then GuaranteedUpdate writes it with a ` +
        'compare on mod_revision, retrying on a lost race.'
    case 'graceful-delete':
      return `Store.Delete → BeforeDelete sets metadata.deletionTimestamp and ` +
        `deletionGracePeriodSeconds=${p.graceSeconds}; ` +
        'the object is updated, not removed (updateForGracefulDeletionAndFinalizers).'
    case 'delete':
      return 'Store.Delete with zero grace → etcd3 store.Delete: Txn(If(ModRevision(key) = rev)).Then(OpDelete).'
    case 'quota-usage':
      return `The ResourceQuota admission controller's quotaAccessor.UpdateQuotaStatus writes quota "${p.quota}" ` +
        'status.used with a compare on its resourceVersion before the pod is admitted.'
  }
}

function requestSummary(e: Txn & { details: { phase: 'request' } }): string {
  const { ops, compares } = e.details
  const first = ops[0]
  return `Txn ${first ? `${first.type === 'put' ? 'PUT' : 'DELETE'} ${first.key}` : 'compare-only'}` +
    `${compares.length ? ` if mod_revision=${compares[0].modRevision}` : ''}`
}

export const ETCD_NARRATION: NarrationTable<EtcdTraceType> = {
  'etcd:Txn': {
    summary: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request': return requestSummary({ ...e, details: d })
        case 'commit': return `${d.op} ${d.key} → revision ${d.revision}`
        case 'conflict': return `compare failed at revision ${d.revision}`
      }
    },
    story: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request':
          return `${purposeStory(d.purpose, d.ops[0]?.key ?? '')} The API server sends this to etcd, the database ` +
            'where the cluster keeps every object, as one transaction: "if the key is still at the revision I read, ' +
            'write".'
        case 'commit':
          return `etcd commits the ${d.op === 'PUT' ? 'write' : 'deletion'} of ${d.key}: the whole store moves to ` +
            `revision ${d.revision}, and clients see that number as the object's metadata.resourceVersion ` +
            `"${d.revision}".` +
            `${d.op === 'PUT' && d.version > 1 ? ` This key has now been written ${d.version} times.` : ''}`
        case 'conflict':
          return `Someone changed ${d.compares[0]?.key ?? 'the key'} since the API server read it (the store is at ` +
            `revision ${d.revision}), so etcd refuses the write instead of overwriting it. The API server reads ` +
            'again and retries, or answers 409 Conflict.'
      }
    },
    expert: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request':
          return `${purposeExpert(d.purpose)} Compare: ` +
            `${d.compares.map((c) => `mod_revision(${c.key}) = ${c.modRevision}`)
            .join(', ') || 'none'}.`
        case 'commit':
          return `The Txn succeeds: etcd assigns revision ${d.revision} (create_revision ${d.createRevision}, ` +
            `version ${d.version}); the etcd3 store decodes the result and versioner.UpdateObject stamps ` +
            `resourceVersion "${d.revision}". The watch on /registry/ feeds the Cacher.`
        case 'conflict':
          return `TxnResponse.Succeeded is false (store at revision ${d.revision}): GuaranteedUpdate re-reads the ` +
            'current object and retries tryUpdate; a create gets errors.NewAlreadyExists instead.'
      }
    },
    docs: (e) => (e.details.phase === 'commit' ? RV_DOCS : ETCD_DOCS),
    source: STORE,
  },
}
