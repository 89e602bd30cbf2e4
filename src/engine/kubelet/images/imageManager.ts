/**
 * The image manager: before a container is created, make sure its image is on the node — CRI ImageStatus, then
 * PullImage as the imagePullPolicy says, pulls one at a time (serializeImagePulls), back-off after a failed pull.
 * Mirrors: pkg/kubelet/images/image_manager.go EnsureImageExists (event texts), puller.go (serial puller).
 */
import type { Container, Node } from '../../api/types.ts'
import { latency } from '../../context.ts'
import { sec } from '../../sim/kernel.ts'
import { containerRef } from '../container/ref.ts'
import { rpc } from '../cri/runtimeService.ts'
import { ImageStore, digestOf, resolve } from '../cri/runtime.ts'
import { goDuration } from '../goDuration.ts'
import type { Kubelet } from '../kubelet.ts'
import type { PodWorker } from '../podWorkers.ts'

const MAX_IMAGE_BACKOFF_S = 300
const IMAGE_BACKOFF_S = 10

export class ImageManager {
  /** The images on the node, once the node object is known. */
  store?: ImageStore
  /** Pulls are serial (serializeImagePulls=true): the time the puller is busy until. */
  private pullerFreeAt = 0

  private readonly k: Kubelet

  constructor(k: Kubelet) {
    this.k = k
  }

  /** observeNode learns the node's images the first time the node object is seen. */
  observeNode(node: Node): void {
    if (!this.store) this.store = new ImageStore(node)
  }

  /** ensureImage mirrors image_manager.go EnsureImageExists: ImageStatus, then PullImage per imagePullPolicy. */
  ensureImage(w: PodWorker, c: Container, cont: () => void): void {
    const plan = resolve(c.image ?? '', this.k.ctx.config)
    const policy = c.imagePullPolicy ?? 'IfNotPresent'
    const ref = 'ref' in plan ? plan.ref : undefined
    const presentSize = ref ? this.store?.status(ref) : undefined
    const request = { image: { image: ref?.normalized ?? c.image } }
    const decision =
      presentSize !== undefined && policy !== 'Always' ? 'present' : policy === 'Never' ? 'neverPull' : 'pull'
    this.k.runtime.cri(
      w,
      'cri:ImageStatus',
      // The container and policy written out rather than spread from a shared literal (hot: every container).
      { phase: 'request', cri: { method: rpc('ImageStatus'), request }, container: c.name, imagePullPolicy: policy },
      latency(this.k.ctx, 'imageStatus'),
      () => ({
        details: {
          phase: 'response',
          cri: {
            method: 'ImageStatus',
            request,
            response: {
              image: presentSize !== undefined ? { id: digestOf(ref?.normalized ?? ''), size: presentSize } : null,
            },
          },
          container: c.name,
          imagePullPolicy: policy,
          decision,
        },
      }),
      () => {
        if (presentSize !== undefined && policy !== 'Always') {
          this.k.recorder.event(
            containerRef(w.pod, c),
            'Normal',
            'Pulled',
            `Container image "${c.image}" already present on machine and can be accessed by the pod`,
          )
          return cont()
        }
        if (policy === 'Never') {
          const msg = `Container image "${c.image}" is not present with pull policy of Never`
          this.k.recorder.event(containerRef(w.pod, c), 'Warning', 'ErrImageNeverPull', msg)
          return this.k.status.setWaiting(w, c, 'ErrImageNeverPull', msg)
        }
        this.pull(w, c, cont)
      },
    )
  }

  pull(w: PodWorker, c: Container, cont: () => void): void {
    const { sim } = this.k.ctx
    const plan = resolve(c.image ?? '', this.k.ctx.config)
    this.k.recorder.event(containerRef(w.pod, c), 'Normal', 'Pulling', `Pulling image "${c.image}"`)
    const queuedAt = sim.now()
    const startAt = Math.max(sim.now(), this.pullerFreeAt)
    const pullTime =
      'size' in plan
        ? latency(this.k.ctx, 'pullSetup') + sec(plan.size / this.k.ctx.config.pullBandwidth)
        : latency(this.k.ctx, 'pullSetup')
    this.pullerFreeAt = startAt + pullTime
    const request = { image: { image: 'ref' in plan ? plan.ref.normalized : c.image } }
    const about = {
      container: c.name,
      image: c.image,
      bandwidth: this.k.ctx.config.pullBandwidth,
      size: 'size' in plan ? plan.size : undefined,
      queuedMs: (startAt - queuedAt) / 1000,
    }
    sim.at(startAt, () =>
      w.state !== 'syncing'
        ? undefined
        : this.k.runtime.cri(
            w,
            'cri:PullImage',
            { phase: 'request', cri: { method: rpc('PullImage'), request }, ...about },
            pullTime,
            () => ({
              outcome: 'error' in plan ? 'error' : 'ok',
              details: {
                phase: 'response',
                cri: {
                  method: 'PullImage',
                  request,
                  response: 'error' in plan ? { error: plan.error } : { imageRef: digestOf(plan.ref.normalized) },
                },
                ...about,
                tookMs: (sim.now() - startAt) / 1000,
              },
            }),
            () => {
              if ('error' in plan) return this.pullFailed(w, c, plan.error, cont)
              this.store?.add(plan.ref, plan.size)
              const took = goDuration((sim.now() - startAt) / 1000)
              const withWait = goDuration((sim.now() - queuedAt) / 1000)
              this.k.recorder.event(
                containerRef(w.pod, c),
                'Normal',
                'Pulled',
                `Successfully pulled image "${c.image}" in ${took} (${withWait} including waiting). Image size: ${plan.size} bytes.`,
              )
              w.backoffS = 0
              cont()
            },
          ),
    )
  }

  pullFailed(w: PodWorker, c: Container, error: string, cont: () => void): void {
    this.k.recorder.event(containerRef(w.pod, c), 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`)
    this.k.recorder.event(containerRef(w.pod, c), 'Warning', 'Failed', 'Error: ErrImagePull')
    this.k.status.setWaiting(w, c, 'ErrImagePull', error)
    w.backoffS = w.backoffS === 0 ? IMAGE_BACKOFF_S : Math.min(w.backoffS * 2, MAX_IMAGE_BACKOFF_S)
    const backoff = w.backoffS
    this.k.emit({
      type: 'kubelet:Backoff',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'warning',
      details: { kind: 'imagePull', backoffSeconds: backoff, container: c.name, image: c.image, error },
    })
    this.k.ctx.sim.after(sec(1), () => {
      if (w.state !== 'syncing') return
      this.k.recorder.event(containerRef(w.pod, c), 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`)
      this.k.recorder.event(containerRef(w.pod, c), 'Warning', 'Failed', 'Error: ImagePullBackOff')
      this.k.status.setWaiting(w, c, 'ImagePullBackOff', `Back-off pulling image "${c.image}": ErrImagePull: ${error}`)
    })
    this.k.ctx.sim.after(sec(backoff), () => (w.state !== 'syncing' ? undefined : this.pull(w, c, cont)))
  }
}
