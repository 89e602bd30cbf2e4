import type { Container } from './types.ts'

/**
 * isSidecar: an init container with restartPolicy Always (a restartable init container, a "native sidecar").
 * Mirrors: pkg/api/v1/pod/util.go IsRestartableInitContainer.
 */
export function isSidecar(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always'
}
