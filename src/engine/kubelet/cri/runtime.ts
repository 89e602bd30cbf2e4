/**
 * The container runtime (containerd behind the CRI) as the kubelet sees it: what images a node has, what a pull
 * of an image costs and how it fails, and the identifiers it hands out.
 * Mirrors the error texts of containerd's CRI plugin for a missing tag or repository.
 */
import { isImageRef, parseImageName } from '../../api/images.ts'
import type { ImageRef } from '../../api/images.ts'
import type { Node } from '../../api/types.ts'
import type { RegistryImage, SimulatorConfig } from '../../config.ts'
import type { Container } from '../../api/types.ts'
import { hash32 } from '../../sim/rng.ts'

/** Memo tables of pure functions of a name stay bounded: a long session of hand-typed names must not grow them. */
const MEMO_LIMIT = 1024
const digests = new Map<string, string>()

/** digestOf derives a stable sha256-looking digest for an image name (the simulator has no real layers). */
export function digestOf(name: string): string {
  // Hot (every image status, pull and container start): eight hashes per call, so each name's digest is kept.
  let digest = digests.get(name)
  if (digest === undefined) {
    let out = ''
    for (let i = 0; out.length < 64; i++) out += hash32(`${name}#${i}`).toString(16).padStart(8, '0')
    digest = `sha256:${out.slice(0, 64)}`
    if (digests.size >= MEMO_LIMIT) digests.clear()
    digests.set(name, digest)
  }
  return digest
}

export interface PullPlan {
  ref: ImageRef
  size: number
}

export class ImageStore {
  private readonly present = new Map<string, number>()

  constructor(node: Node) {
    for (const img of node.status?.images ?? [])
      for (const n of img.names ?? []) this.present.set(n, img.sizeBytes ?? 0)
  }

  /** status is CRI ImageStatus: the size when present. */
  status(ref: ImageRef): number | undefined {
    return this.present.get(ref.normalized)
  }

  add(ref: ImageRef, size: number): void {
    this.present.set(ref.normalized, size)
  }
}

/** resolve finds an image in the registry catalog, or returns the runtime's pull error. */
export function resolve(image: string, config: SimulatorConfig): PullPlan | { error: string; invalid?: boolean } {
  const ref = parseImageName(image)
  if (!isImageRef(ref)) return { error: `Failed to apply default image tag "${image}": ${ref.error}`, invalid: true }
  // The repository's first segment (split('/')[0] without the array: hot, several times per container).
  const slash = ref.repository.indexOf('/')
  const registry = slash < 0 ? ref.repository : ref.repository.slice(0, slash)
  const down = config.faults.find((f) => f.type === 'RegistryUnavailable' && f.registry === registry)
  if (down)
    return {
      error: `rpc error: code = Unavailable desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": failed to do request: Head "https://${registry}/v2/": dial tcp: lookup ${registry}: no such host`,
    }
  const injected = config.faults.find((f) => f.type === 'PullFailure' && f.image === image)
  if (injected && injected.type === 'PullFailure') return { error: injected.message }
  const repo = config.registry.find((r) => r.repository === ref.repository)
  if (!repo)
    return {
      error: `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    }
  const size = ref.tag ? repo.tags[ref.tag] : Object.values(repo.tags)[0]
  if (size === undefined)
    return {
      error: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`,
    }
  return { ref, size }
}

/** imageOf finds the registry entry of a container's image (what it serves, how its process behaves). */
export function imageOf(config: SimulatorConfig, c: Container): RegistryImage | undefined {
  const r = resolve(c.image ?? '', config)
  return 'ref' in r ? config.registry.find((x) => x.repository === r.ref.repository) : undefined
}
