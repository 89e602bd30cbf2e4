/** Random clusters and pods for property tests (fast-check), shared by the engine's and the story's. */
import fc from 'fast-check'

export const nodeArb = fc.record({
  cpu: fc.constantFrom('1', '2', '4', '500m'),
  memory: fc.constantFrom('512Mi', '1Gi', '4Gi'),
  pods: fc.integer({ min: 1, max: 5 }),
  tainted: fc.boolean(),
})
export const podArb = fc.record({
  cpu: fc.constantFrom(undefined, '100m', '250m', '1', '3'),
  memory: fc.constantFrom(undefined, '64Mi', '300Mi', '2Gi'),
  image: fc.constantFrom('nginx:1.27', 'busybox:1.36', 'redis:7.4', 'nginx:9.9', 'nosuch/image:1'),
  pin: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
})

export function clusterYaml(nodes: { cpu: string; memory: string; pods: number; tainted: boolean }[]): string {
  return nodes.map((n, i) => `apiVersion: v1
kind: Node
metadata: {name: n${i}}
spec:
  podCIDR: 10.244.${i}.0/24
${n.tainted ? '  taints: [{key: dedicated, value: x, effect: NoSchedule}]\n' : ''}status:
  capacity: {cpu: "${n.cpu}", memory: ${n.memory}, pods: "${n.pods}"}
  allocatable: {cpu: "${n.cpu}", memory: ${n.memory}, pods: "${n.pods}"}`).join('\n---\n')
}

export function podsYaml(pods: { cpu?: string; memory?: string; image: string; pin?: number }[], nodeCount: number): string {
  return pods.map((p, i) => {
    const req = [p.cpu ? `cpu: "${p.cpu}"` : '', p.memory ? `memory: ${p.memory}` : ''].filter(Boolean).join(', ')
    return `apiVersion: v1
kind: Pod
metadata: {name: p${i}}
spec:
${p.pin !== undefined ? `  nodeName: n${p.pin % nodeCount}\n` : ''}  containers:
  - name: c
    image: ${p.image}
${req ? `    resources: {requests: {${req}}}\n` : ''}`
  }).join('---\n')
}
