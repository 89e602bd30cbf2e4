/** The kubelets as an engine component: one per Node of the cluster, each as system:node:<name>. */
import type { Node } from '../api/types.ts'
import type { ComponentSpec } from '../component.ts'
import { Kubelet } from './kubelet.ts'

export const kubelets: ComponentSpec<Kubelet> = {
  name: 'kubelet',
  create: (env) => (env.cluster.objects.filter((o) => o.kind === 'Node') as Node[]).map((node) => {
    const name = node.metadata?.name ?? ''
    return new Kubelet(env.ctx, env.client({
      lane: 'kubelet', node: name, userAgent: `kubelet/v1.35.0 (linux/amd64) kubernetes/${name}`,
      credentials: {
        clientCertificate: { commonName: `system:node:${name}`, organizations: ['system:nodes'], issuer: env.cluster.apiserver.clientCA },
      },
    }), name)
  }),
}
