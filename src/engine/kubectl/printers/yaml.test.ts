import { describe, expect, it } from 'vitest'
import { toKubectlYaml } from './yaml.ts'
import type { KObject } from '../../api/types.ts'

describe('toKubectlYaml', () => {
  const pod = {
    kind: 'Pod', apiVersion: 'v1',
    metadata: { name: 'nginx', namespace: 'default', managedFields: [{ manager: 'kubectl-client-side-apply' }], labels: { app: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
  } as unknown as KObject

  it('sorts keys, keeps list items at the parent indentation and drops managedFields', () => {
    expect(toKubectlYaml(pod)).toBe([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  labels:',
      '    app: nginx',
      '  name: nginx',
      '  namespace: default',
      'spec:',
      '  containers:',
      '  - image: nginx:1.27',
      '    name: nginx',
      '    ports:',
      '    - containerPort: 80',
      '',
    ].join('\n'))
  })

  it('shows managedFields when asked, without changing the object', () => {
    expect(toKubectlYaml(pod, true)).toContain('managedFields:\n  - manager: kubectl-client-side-apply')
    expect((pod.metadata as Record<string, unknown>).managedFields).toBeDefined()
  })
})
