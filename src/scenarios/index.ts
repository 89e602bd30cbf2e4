/**
 * The scenario gallery, in teaching order: four healthy births first (hello nginx, the whole story, the article's
 * pod, a Deployment), then what can go wrong, stage by stage — kubectl, the API server's chain, the scheduler, the
 * node.
 * Each scenario is one file, src/scenarios/<id>.ts; scenarios.test.ts runs every one as the app would.
 */
import type { Scenario } from './types.ts'
import helloNginx from './hello-nginx.ts'
import fullStory from './full-story.ts'
import storyPod from './story-pod.ts'
import yamlSyntaxError from './yaml-syntax-error.ts'
import unknownUser from './unknown-user.ts'
import unauthorizedToken from './unauthorized-token.ts'
import rbacForbidden from './rbac-forbidden.ts'
import missingNamespace from './missing-namespace.ts'
import unknownField from './unknown-field.ts'
import badQuantity from './bad-quantity.ts'
import invalidManifest from './invalid-manifest.ts'
import deploymentRollout from './deployment-rollout.ts'
import limitRangeDefaults from './limitrange-defaults.ts'
import quotaExceeded from './quota-exceeded.ts'
import podSecurityRestricted from './podsecurity-restricted.ts'
import tooBig from './too-big.ts'
import taintNotTolerated from './taint-not-tolerated.ts'
import nodeAffinityZones from './node-affinity-zones.ts'
import topologySpread from './topology-spread.ts'
import podAntiAffinity from './pod-anti-affinity.ts'
import twelveNodesThreeZones from './twelve-nodes-three-zones.ts'
import preemption from './preemption.ts'
import initAndSidecar from './init-and-sidecar.ts'
import runToCompletion from './run-to-completion.ts'
import imageTypo from './image-typo.ts'
import crashLoop from './crash-loop.ts'
import postStartFails from './poststart-fails.ts'
import readinessProbeFails from './readiness-probe-fails.ts'
import livenessRestarts from './liveness-restarts.ts'
import kubeletRejects from './kubelet-rejects.ts'

export type { MomentMatch, Scenario } from './types.ts'
export { findMoment } from './types.ts'

/** Every scenario, in the order the gallery lists them (those with a knownGap included: filter with `available`). */
export const SCENARIOS: readonly Scenario[] = [
  // Healthy births
  helloNginx, fullStory, storyPod, deploymentRollout,
  // Stages 1 and 2: kubectl
  yamlSyntaxError, unknownUser,
  // Stage 3: the API server, in the order of its handler chain
  unauthorizedToken, rbacForbidden, unknownField, badQuantity, missingNamespace, limitRangeDefaults, invalidManifest,
  quotaExceeded, podSecurityRestricted,
  // Stage 4: the scheduler
  tooBig, taintNotTolerated, nodeAffinityZones, topologySpread, podAntiAffinity, twelveNodesThreeZones, preemption,
  // Stage 5: the node
  initAndSidecar, runToCompletion, imageTypo, crashLoop, postStartFails, readinessProbeFails, livenessRestarts,
  kubeletRejects,
]

/** The scenarios the engine can show today (no knownGap). */
export const available = (): Scenario[] => SCENARIOS.filter((s) => !s.knownGap)

/** scenarioById finds a scenario for a #scenario=<id> link. */
export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id)
}
