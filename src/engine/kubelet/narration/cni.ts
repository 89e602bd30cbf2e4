/**
 * What the CNI steps say. CNI (Container Network Interface) plugins are programs the runtime runs to give a pod its
 * network: here the bridge plugin with host-local IPAM, as a kubeadm cluster with a flannel-style add-on has them.
 * The CNI call is containerd's, not the kubelet's: the source named is the CRI contract it answers.
 */
import type { NarrationTable } from '../../narration/types.ts'
import type { KubeletTraceType } from '../traceTypes.ts'
import { CRI_API, short } from './text.ts'

type Cni = Extract<KubeletTraceType, `cni:${string}`>

const BRIDGE_DOCS = 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/'
const NETWORK_DOCS = 'https://kubernetes.io/docs/concepts/cluster-administration/networking/'

export const CNI_NARRATION: NarrationTable<Cni> = {
  'cni:ADD': {
    summary: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request':
          return `CNI ADD ${d.cni.netns} (bridge cni0, host-local ${d.subnet ?? '?'})`
        case 'error':
          return `ADD failed: ${d.cni.error}`
        case 'result':
          return `eth0 ${d.ip}/${d.prefix} via ${d.gateway} (veth pair ${d.veth} ↔ eth0 on bridge cni0)`
        case 'routes':
          return `route ${d.clusterCidr} via ${d.gateway} (other nodes' pod CIDRs over the overlay)`
      }
    },
    story: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request':
          return (
            'A network namespace is a private copy of the network stack: at first the pod has only a loopback ' +
            `interface in it. To connect it, containerd runs the CNI plugin configured in /etc/cni/net.d (bridge, ` +
            `with host-local address management over this node's pod range ${d.subnet ?? 'unknown'}): ADD, with ` +
            `the namespace ${d.cni.netns} and the interface name eth0.`
          )
        case 'error':
          return (
            `host-local has no free address left in this node's pod range ${d.subnet ?? ''}, so the pod cannot ` +
            'get a network, its sandbox cannot be created, and the kubelet will retry (FailedCreatePodSandBox).'
          )
        case 'result':
          return (
            `The bridge plugin made sure the node has the bridge cni0, a virtual switch with address ${d.gateway}. ` +
            `It created a veth pair, a virtual cable with two ends: ${d.veth} stays on the node, plugged into cni0, ` +
            "and the other end moves into the pod's namespace as eth0. host-local, which keeps a list of the " +
            `addresses it handed out, gave the pod ${d.ip}: the next free one in ${d.subnet} (the gateway takes .1, ` +
            'pods start at .2).'
          )
        case 'routes':
          return (
            `Inside the pod everything, including the cluster's pod network ${d.clusterCidr}, goes to the ` +
            `gateway ${d.gateway} on cni0. Each node owns one slice of ${d.clusterCidr}; the network add-on on the ` +
            'node routes the other slices to their nodes through an overlay, so pods talk to each other without NAT.'
          )
      }
    },
    expert: (e) => {
      const d = e.details
      switch (d.phase) {
        case 'request':
          return (
            "containerd's RunPodSandbox creates the netns and calls go-cni Setup, which execs the bridge " +
            `plugin with CNI_COMMAND=ADD, CNI_CONTAINERID=${short(d.cni.containerID)}, CNI_NETNS, CNI_IFNAME=eth0 ` +
            `and the network config (cniVersion ${d.cni.config.cniVersion}, isGateway, ipMasq) on stdin.`
          )
        case 'error':
          return (
            `host-local's allocator returns "${d.cni.error}"; the bridge plugin fails the ADD, containerd ` +
            'fails RunPodSandbox, and the kubelet records FailedCreatePodSandBox and retries on its next sync.'
          )
        case 'result':
          return (
            'bridge.cmdAdd: setupBridge (cni0, gateway address since isGateway), setupVeth (host end ' +
            `${d.veth}, container end eth0), then ipam.ExecAdd(host-local): allocator.Get reserves ${d.ip} after the ` +
            'last reserved address in /var/lib/cni/networks/cbr0 and the result lists interfaces, ips and routes.'
          )
        case 'routes':
          return (
            `The CNI result routes 0.0.0.0/0 and ${d.clusterCidr} via ${d.gateway}; the node's routes to other ` +
            `nodes' pod CIDRs (this node: ${d.nodePodCIDR ?? 'unknown'}) come from the network add-on, not from CNI.`
          )
      }
    },
    docs: (e) => (e.details.phase === 'routes' ? NETWORK_DOCS : BRIDGE_DOCS),
    source: CRI_API,
  },
  'cni:DEL': {
    summary: (e) =>
      e.details.phase === 'request'
        ? `CNI DEL ${short(e.details.cni.containerID)} (bridge cni0, host-local ${e.details.subnet ?? '?'})`
        : e.details.cni.released
          ? `released ${e.details.cni.released}; veth pair removed`
          : 'nothing to release',
    story: (e) => {
      if (e.details.phase === 'request') {
        return (
          'containerd runs the CNI plugin again, with DEL: remove eth0 and its veth peer from the bridge, and ' +
          "give the pod's address back."
        )
      }
      return e.details.cni.released
        ? `host-local frees ${e.details.cni.released}. It will not hand it out again at once: it continues after ` +
            'the last address it reserved, so a new pod does not inherit traffic meant for the old one.'
        : 'The pod never got an address, so there is nothing to give back.'
    },
    expert: (e) =>
      e.details.phase === 'request'
        ? "containerd's StopPodSandbox calls go-cni Remove: the bridge plugin runs with CNI_COMMAND=DEL for " +
          `${short(e.details.cni.containerID)}, ifName eth0.`
        : 'bridge.cmdDel calls ipam.ExecDel (host-local releases the reservation file) and deletes the veth; DEL ' +
          'must succeed even when parts are already gone.',
    docs: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/',
    source: CRI_API,
  },
}
