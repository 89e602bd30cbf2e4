/**
 * kube-controller-manager: the shared informers (Deployments, ReplicaSets, Pods) and the controllers that run on
 * them — deployment, replicaset and the garbage collector — each with its own client and service account.
 * Mirrors: cmd/kube-controller-manager/app/controllermanager.go, apps.go (startDeploymentController,
 * startReplicaSetController), core.go (startGarbageCollectorController).
 * Simplified: only the controllers a Deployment's pods need; no leader election, no periodic resync.
 */
import type { Deployment, Pod, ReplicaSet } from '../api/types.ts'
import type { WatchEvent } from '../client/http.ts'
import type { Component, ComponentEnv, ComponentSpec } from '../component.ts'
import { getControllerOf } from './controllerUtils.ts'
import { DeploymentController } from './deployment/controller.ts'
import { GarbageCollector } from './garbagecollector/controller.ts'
import type { ControllerName } from './identity.ts'
import { controllerBootstrap, KCM_USER, serviceAccountToken } from './identity.ts'
import { Informer } from './informers.ts'
import { ReplicaSetController } from './replicaset/controller.ts'

const USER_AGENT = 'kube-controller-manager/v1.35.0 (linux/amd64) kubernetes'

/**
 * A pod notification is drawn only when a controller acts on it: the pod is (or was) controlled by a ReplicaSet.
 * Deployments and ReplicaSets are always drawn.
 */
function podTraced(e: WatchEvent): boolean {
  return getControllerOf((e.object as Pod).metadata)?.kind === 'ReplicaSet'
}

export class KubeControllerManager implements Component {
  private readonly env: ComponentEnv
  readonly deployments = new Informer<Deployment>('/apis/apps/v1/deployments', () => true)
  readonly replicaSets = new Informer<ReplicaSet>('/apis/apps/v1/replicasets', () => true)
  readonly pods = new Informer<Pod>('/api/v1/pods', podTraced)

  constructor(env: ComponentEnv) {
    this.env = env
  }

  private client(name: ControllerName) {
    return this.env.client({
      lane: 'kube-controller-manager', userAgent: `${USER_AGENT}/${name}`,
      credentials: { token: serviceAccountToken(name) },
    })
  }

  start(): void {
    const { ctx } = this.env
    new DeploymentController(ctx, this.client('deployment-controller'), this.deployments, this.replicaSets, this.pods)
    new ReplicaSetController(ctx, this.client('replicaset-controller'), this.replicaSets, this.pods)
    new GarbageCollector(ctx, this.client('generic-garbage-collector'), this.deployments, this.replicaSets, this.pods)
    // The informers are shared: one watch each, opened with kube-controller-manager's own certificate.
    const informerClient = this.env.client({
      lane: 'kube-controller-manager', userAgent: `${USER_AGENT}/shared-informers`,
      credentials: { clientCertificate: { commonName: KCM_USER, organizations: [], issuer: this.env.cluster.apiserver.clientCA } },
    })
    this.deployments.start(informerClient)
    this.replicaSets.start(informerClient)
    this.pods.start(informerClient)
  }
}

export const kubeControllerManager: ComponentSpec<KubeControllerManager> = {
  name: 'kube-controller-manager',
  bootstrap: controllerBootstrap,
  create: (env) => [new KubeControllerManager(env)],
}
