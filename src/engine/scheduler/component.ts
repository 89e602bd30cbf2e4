/** kube-scheduler as an engine component: its identity (client certificate CN system:kube-scheduler). */
import type { ComponentSpec } from '../component.ts'
import { KubeScheduler } from './index.ts'

export const kubeScheduler: ComponentSpec<KubeScheduler> = {
  name: 'kube-scheduler',
  create: (env) => [new KubeScheduler(env.ctx, env.client({
    lane: 'kube-scheduler', userAgent: 'kube-scheduler/v1.35.0 (linux/amd64) kubernetes/scheduler',
    credentials: {
      clientCertificate: { commonName: 'system:kube-scheduler', organizations: [], issuer: env.cluster.apiserver.clientCA },
    },
  }), env.cluster.schedulerConfig, { detail: env.options.schedulerDetail })],
}
