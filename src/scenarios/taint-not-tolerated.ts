import type { Scenario } from './types.ts'

export default {
  id: 'taint-not-tolerated',
  title: 'A taint not tolerated',
  intro: 'The only worker with a GPU is tainted gpu=true:NoSchedule, and the pod, which asks for that node by label, '
    + 'does not tolerate the taint. Every other node fails the label, so nothing is left and the pod stays Pending.',
  watchFor: 'The scheduler\'s Filter step: TaintToleration rejects the GPU node, NodeAffinity the rest; the '
    + 'FailedScheduling message counts both.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  nodeSelector:
    accelerator: nvidia   # only gpu-1 has this label
  # Missing: tolerations: [{key: gpu, operator: Equal, value: "true", effect: NoSchedule}]
  containers:
  - name: trainer
    image: python:3.13-slim
    command: ["sleep", "3600"]
`,
  cluster: `apiVersion: v1
kind: Node
metadata:
  name: gpu-1
  labels: {accelerator: nvidia}
spec:
  taints:
  - {key: gpu, value: "true", effect: NoSchedule}   # keeps ordinary pods off the expensive node
status:
  capacity: {cpu: "8", memory: 32Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
`,
  untilMs: 30_000,
  moment: { type: 'scheduler:Filter', summary: 'TaintToleration rejected 1' },
  expect: { kubectlExitCode: 0, outcome: 'unschedulable', reason: '1 node(s) had untolerated taint(s)' },
} satisfies Scenario
