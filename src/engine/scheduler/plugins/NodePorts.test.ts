/**
 * NodePorts, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts, TestFits). Same inputs, same
 * expected outputs; the reason for each result is in a comment per case.
 * PreFilter Skip when the pod has no host ports (containers and sidecar init containers only). Filter: a
 * (protocol, port) conflicts when the host IPs are equal or either is 0.0.0.0 ⇒ Unschedulable.
 */
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types.ts'
import { cluster, filterAll, node, pod } from '../testing.ts'

/** newPod(host, "PROTO/IP/PORT"...): one container with these host ports. */
function newPod(name: string, nodeName: string | undefined, ...hostPortInfos: string[]): Pod {
  const ports = hostPortInfos.map((s) => {
    const [protocol, hostIP, port] = s.split('/')
    return { containerPort: Number(port), hostIP, hostPort: Number(port), protocol }
  })
  return pod(name, { node: nodeName, spec: { containers: [{ name: 'c0', image: 'busybox', ports }] } })
}
/** A pod whose only host port is on an init container, sidecar (restartPolicy Always) or not. */
const initPortPod = (sidecar: boolean): Pod => pod('p', {
  spec: { initContainers: [{ name: 'i0', image: 'busybox', ...(sidecar ? { restartPolicy: 'Always' } : {}), ports: [{ containerPort: 8001, hostPort: 8001, protocol: 'TCP' }] }] },
})

const ERR = "Unschedulable: node(s) didn't have free ports for the requested pod ports"
/** Runs PreFilter + Filter for the pod on node m1 holding `existing` (a pod with these host ports). */
const run = (p: Pod, ...existing: string[]) =>
  filterAll(cluster([node('m1')], existing.length ? [newPod('existing', 'm1', ...existing)] : []), 'NodePorts', p).m1

describe('NodePorts (TestNodePorts)', () => {
  it.each([
    // no host ports ⇒ PreFilter Skip.
    { name: 'skip filter', pod: pod('p'), existing: [], want: 'Skip' },
    // 8080 vs 9090.
    { name: 'other port', pod: newPod('p', undefined, 'UDP/127.0.0.1/8080'), existing: ['UDP/127.0.0.1/9090'], want: 'Success' },
    { name: 'same udp port', pod: newPod('p', undefined, 'UDP/127.0.0.1/8080'), existing: ['UDP/127.0.0.1/8080'], want: ERR },
    { name: 'same tcp port', pod: newPod('p', undefined, 'TCP/127.0.0.1/8080'), existing: ['TCP/127.0.0.1/8080'], want: ERR },
    // 127.0.0.1 vs 127.0.0.2, neither 0.0.0.0.
    { name: 'different host ip', pod: newPod('p', undefined, 'TCP/127.0.0.1/8080'), existing: ['TCP/127.0.0.2/8080'], want: 'Success' },
    { name: 'different protocol', pod: newPod('p', undefined, 'UDP/127.0.0.1/8080'), existing: ['TCP/127.0.0.1/8080'], want: 'Success' },
    // 8080/UDP taken.
    { name: 'second udp port conflict', pod: newPod('p', undefined, 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'), existing: ['UDP/127.0.0.1/8080'], want: ERR },
    // 8001/TCP taken.
    { name: 'first tcp port conflict', pod: newPod('p', undefined, 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'), existing: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'], want: ERR },
    // the pod's 0.0.0.0 conflicts with any IP.
    { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: newPod('p', undefined, 'TCP/0.0.0.0/8001'), existing: ['TCP/127.0.0.1/8001'], want: ERR },
    { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('p', undefined, 'TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'), existing: ['TCP/127.0.0.1/8001'], want: ERR },
    // the existing 0.0.0.0 conflicts with the pod's 127.0.0.1.
    { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: newPod('p', undefined, 'TCP/127.0.0.1/8001'), existing: ['TCP/0.0.0.0/8001'], want: ERR },
    { name: 'second different protocol', pod: newPod('p', undefined, 'UDP/127.0.0.1/8001'), existing: ['TCP/0.0.0.0/8001'], want: 'Success' },
    { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('p', undefined, 'UDP/127.0.0.1/8001'), existing: ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'], want: ERR },
    // a non-sidecar init container's ports are not host ports of the pod ⇒ PreFilter Skip.
    { name: 'non-sidecar initContainer using hostPort', pod: initPortPod(false), existing: ['TCP/0.0.0.0/8001'], want: 'Skip' },
    // hostIP unset ⇒ 0.0.0.0; protocol TCP.
    { name: 'TCP hostPort conflict from sidecar initContainer', pod: initPortPod(true), existing: ['TCP/0.0.0.0/8001'], want: ERR },
  ])('$name', ({ pod: p, existing, want }) => expect(run(p, ...existing)).toBe(want))
})

describe('NodePorts (TestFits)', () => {
  it.each([
    { name: 'non-conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/9090'], fits: true },
    {
      name: 'multiple non-conflicting ports', pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
      existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'], fits: true,
    },
    { name: 'same ports on different protocols', pod: ['TCP/127.0.0.1/80'], existing: ['UDP/127.0.0.1/80'], fits: true },
    { name: 'conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/80'], fits: false },
    // TCP/127.0.1.1/90 is taken.
    {
      name: 'multiple ports, some conflicting', pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
      existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'], fits: false,
    },
  ])('$name', ({ pod: ports, existing, fits }) => expect(run(newPod('p', undefined, ...ports), ...existing)).toBe(fits ? 'Success' : ERR))
})
