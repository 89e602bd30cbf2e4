/** The node's narration: the kubelet's steps, the CRI calls it makes and the CNI calls the runtime makes. */
import type { NarrationTable } from '../../narration/types.ts'
import type { KubeletTraceType } from '../traceTypes.ts'
import { CNI_NARRATION } from './cni.ts'
import { CRI_NARRATION } from './cri.ts'
import { KUBELET_OWN_NARRATION } from './kubelet.ts'
import { PROBER_NARRATION } from './prober.ts'

export const KUBELET_NARRATION: NarrationTable<KubeletTraceType> = {
  ...KUBELET_OWN_NARRATION,
  ...CRI_NARRATION,
  ...CNI_NARRATION,
  ...PROBER_NARRATION,
}
