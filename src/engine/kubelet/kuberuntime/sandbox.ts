/**
 * The pod sandbox: RunPodSandbox starts the pause container and containerd calls the CNI plugin (ADD) for the pod's
 * network namespace and IP; StopPodSandbox tears the network down (CNI DEL) and stops it.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_sandbox.go (createPodSandbox, generatePodSandboxConfig),
 * containerd's CRI plugin (sandbox_run.go, setupPodNetwork) and the bridge + host-local CNI plugins.
 */
import { latency } from '../../context.ts'
import { ms, sec } from '../../sim/kernel.ts'
import { podRef } from '../container/ref.ts'
import { rpc } from '../cri/runtimeService.ts'
import type { Kubelet } from '../kubelet.ts'
import { idle } from '../podWorkers.ts'
import type { PodWorker } from '../podWorkers.ts'
import type { CniConfig, CniResult } from '../traceTypes.ts'
import { startInit } from './manager.ts'

/** Runtime-side latencies (ms) of the teardown steps; not user-configurable yet. */
const STOP_SANDBOX_MS = 40
const CNI_DEL_MS = 20

/** pkg/kubelet/kubelet.go backOffPeriod: how long the pod worker waits before it retries a sync that failed. */
const WORKER_BACKOFF_S = 10
/** pkg/kubelet/pod_workers.go workerBackOffPeriodJitterFactor. */
const WORKER_BACKOFF_JITTER = 0.5

/**
 * retrySandbox: SyncPod returned the sandbox error, so the pod worker requeues the pod after backOffPeriod with
 * jitter (pod_workers.go completeWork) and the next sync, finding no ready sandbox, creates one again
 * (computePodActions: createSandbox; containerd removed the failed one, so it starts over at attempt 0). Each
 * failure records FailedCreatePodSandBox again, which the event recorder counts; a retry after the cause is gone
 * (an IP freed, the fault lifted) creates the sandbox and the pod carries on. A pod being terminated is not retried.
 */
function retrySandbox(k: Kubelet, w: PodWorker): void {
  const retryS = WORKER_BACKOFF_S * (1 + k.rng.float() * WORKER_BACKOFF_JITTER)
  k.ctx.sim.after(sec(retryS), () => {
    if (w.state !== 'syncing' || w.completed || w.sandboxId) return
    runPodSandbox(k, w)
  })
}

export function runPodSandbox(k: Kubelet, w: PodWorker): void {
  const sandboxId = k.rng.hex(64)
  const netns = `/var/run/netns/cni-${k.rng.uuid()}`
  const meta = {
    name: w.pod.metadata?.name,
    namespace: w.pod.metadata?.namespace,
    uid: w.pod.metadata?.uid,
    attempt: 0,
  }
  const request = {
    config: {
      metadata: meta,
      hostname: w.pod.metadata?.name,
      logDirectory: `/var/log/pods/${meta.namespace}_${meta.name}_${meta.uid}`,
      dnsConfig: {
        servers: ['10.96.0.10'],
        searches: [`${meta.namespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'],
        options: ['ndots:5'],
      },
      linux: { cgroupParent: `/kubepods.slice/kubepods-${(w.status.qosClass ?? 'burstable').toLowerCase()}.slice` },
    },
  }
  const { sim } = k.ctx
  const half = latency(k.ctx, 'runPodSandbox') / 2
  w.inflight++
  const settled = (): boolean => {
    w.inflight--
    if (w.state === 'syncing') return false
    idle(w)
    return true
  }
  const pauseImage = k.ctx.config.pauseImage
  k.send('cri:RunPodSandbox', 'kubelet', 'CRI', w.key, 'info', {
    phase: 'request',
    cri: { method: rpc('RunPodSandbox'), request },
    netns,
    pauseImage,
  })
  sim.after(half, () => {
    const ipam = k.ipam
    const alloc = !ipam ? { error: 'no podCIDR set for node' } : 'error' in ipam ? ipam : ipam.allocate()
    const veth = `veth${k.rng.hex(8)}`
    // A locally administered unicast address: six random octets, the first with bit 1 set and bit 0 clear.
    const mac = () => {
      let out = octet((k.rng.nextU32() & 0xfc) | 0x02)
      for (let i = 1; i < 6; i++) out += `:${octet(k.rng.nextU32() & 0xff)}`
      return out
    }
    const range = ipam && !('error' in ipam) ? ipam.range : undefined
    const fault = k.ctx.config.faults.find((f) => f.type === 'IPAMExhausted' && f.node === k.nodeName)
    const err =
      typeof alloc === 'object'
        ? alloc.error
        : fault
          ? `no IP addresses available in range set: ${range ? `${range.gateway}` : ''}`
          : undefined
    const cniConf: CniConfig = {
      cniVersion: '1.0.0',
      name: 'cbr0',
      type: 'bridge',
      bridge: 'cni0',
      isGateway: true,
      ipMasq: true,
      ipam: {
        type: 'host-local',
        ranges: [[{ subnet: range?.subnet ?? k.node?.spec?.podCIDR }]],
        routes: [{ dst: '0.0.0.0/0' }],
      },
    }
    const subnet = range?.subnet
    k.send('cni:ADD', 'CRI', 'CNI', w.key, 'info', {
      phase: 'request',
      cni: { command: 'ADD', containerID: sandboxId, netns, ifName: 'eth0', config: cniConf },
      subnet,
    })
    sim.after(latency(k.ctx, 'cniAdd'), () => {
      if (err) {
        k.send('cni:ADD', 'CNI', 'CRI', w.key, 'error', { phase: 'error', cni: { error: err }, subnet })
        const msg = `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId}": plugin type="bridge" failed (add): failed to allocate for range 0: ${err}`
        k.recorder.event(podRef(w.pod), 'Warning', 'FailedCreatePodSandBox', msg)
        if (!settled()) retrySandbox(k, w)
        return
      }
      const ip = alloc as string
      w.ip = ip
      const clusterCidr = clusterCidrOf(range?.subnet)
      // The default route, then the cluster network's when there is one (pushed: no spread of a conditional array).
      const routes: CniResult['routes'] = [{ dst: '0.0.0.0/0', gw: range?.gateway }]
      if (clusterCidr) routes.push({ dst: clusterCidr, gw: range?.gateway })
      const result: CniResult = {
        cniVersion: '1.0.0',
        interfaces: [
          { name: 'cni0', mac: mac() },
          { name: veth, mac: mac() },
          { name: 'eth0', mac: mac(), sandbox: netns },
        ],
        ips: [{ interface: 2, address: `${ip}/${range?.prefix}`, gateway: range?.gateway }],
        routes,
        dns: {},
      }
      k.send('cni:ADD', 'CNI', 'CRI', w.key, 'ok', {
        phase: 'result',
        cni: { result },
        ip,
        prefix: range?.prefix,
        gateway: range?.gateway,
        veth,
        subnet,
      })
      if (clusterCidr)
        k.emit({
          type: 'cni:ADD',
          lane: 'CNI',
          outcome: 'info',
          pod: w.key,
          details: {
            phase: 'routes',
            podRoutes: result.routes,
            clusterCidr,
            nodePodCIDR: range?.subnet,
            gateway: range?.gateway,
          },
        })
      sim.after(half, () => {
        k.send('cri:RunPodSandbox', 'CRI', 'kubelet', w.key, 'ok', {
          phase: 'response',
          cri: { method: 'RunPodSandbox', response: { podSandboxId: sandboxId } },
          netns,
          pauseImage,
        })
        w.sandboxId = sandboxId
        if (settled()) return
        const statusReq = { podSandboxId: sandboxId }
        k.runtime.cri(
          w,
          'cri:PodSandboxStatus',
          { phase: 'request', cri: { method: rpc('PodSandboxStatus'), request: statusReq } },
          ms(1),
          () => ({
            details: {
              phase: 'response',
              cri: {
                method: 'PodSandboxStatus',
                request: statusReq,
                response: { status: { id: sandboxId, state: 'SANDBOX_READY', network: { ip } } },
              },
            },
          }),
          () => {
            // Object.assign, not a spread literal: podIP and podIPs are new keys (see syncPod in kubelet.ts).
            const conditions = k.status.conditions(w, true)
            const status: PodWorker['status'] = Object.assign({}, w.status)
            status.podIP = ip
            status.podIPs = [{ ip }]
            status.conditions = conditions
            w.status = status
            k.status.patchStatus(w, { kind: 'sandboxReady', ip })
            w.sandboxId = sandboxId
            startInit(k, w, sandboxId, 0)
          },
        )
      })
    })
  })
}

/** stopSandbox is CRI StopPodSandbox: containerd tears the network down (CNI DEL) and kills the pause container. */
export function stopSandbox(k: Kubelet, w: PodWorker): void {
  const { sim } = k.ctx
  const sandboxId = w.sandboxId
  if (!sandboxId) return k.status.finish(w)
  k.send('cri:StopPodSandbox', 'kubelet', 'CRI', w.key, 'info', {
    phase: 'request',
    cri: { method: rpc('StopPodSandbox'), request: { podSandboxId: sandboxId } },
  })
  sim.after(ms(STOP_SANDBOX_MS / 2), () => {
    const ipam = k.ipam
    const range = ipam && !('error' in ipam) ? ipam.range : undefined
    k.send('cni:DEL', 'CRI', 'CNI', w.key, 'info', {
      phase: 'request',
      cni: { command: 'DEL', containerID: sandboxId, ifName: 'eth0' },
      subnet: range?.subnet,
    })
    sim.after(ms(CNI_DEL_MS), () => {
      const ip = w.ip
      if (ip && ipam && !('error' in ipam)) ipam.release(ip)
      k.send('cni:DEL', 'CNI', 'CRI', w.key, 'ok', { phase: 'result', cni: { released: ip } })
      sim.after(ms(STOP_SANDBOX_MS / 2), () => {
        k.send('cri:StopPodSandbox', 'CRI', 'kubelet', w.key, 'ok', {
          phase: 'response',
          cri: { method: 'StopPodSandbox', response: {} },
          podSandboxId: sandboxId,
        })
        sim.after(ms(0.2), () => k.status.finish(w))
      })
    })
  })
}

/** clusterCidrOf: the cluster pod network a node's /24 belongs to (kubeadm + flannel default: the enclosing /16). */
function clusterCidrOf(subnet: string | undefined): string | undefined {
  const key = subnet ?? ''
  // Hot (one per sandbox) and a pure function of the node's subnet: each answer is kept.
  if (clusterCidrs.has(key)) return clusterCidrs.get(key)
  const m = /^(\d+)\.(\d+)\.\d+\.\d+\/(\d+)$/.exec(key)
  const cidr = m && Number(m[3]) > 16 ? `${m[1]}.${m[2]}.0.0/16` : undefined
  if (clusterCidrs.size >= 4096) clusterCidrs.clear()
  clusterCidrs.set(key, cidr)
  return cidr
}

const clusterCidrs = new Map<string, string | undefined>()

/** octet is a byte as two hex digits. */
function octet(n: number): string {
  return n < 16 ? `0${n.toString(16)}` : n.toString(16)
}
