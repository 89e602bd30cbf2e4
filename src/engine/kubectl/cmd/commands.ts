/**
 * parseCommand: the found command's own argument checks (its Complete and Validate, in that order), as kubectl
 * v1.35 runs them before the first request. The checks live beside their upstream files: commandsWrite.ts,
 * commandsNode.ts, commandsRead.ts.
 */
import { canI, describe, get } from './commandsRead.ts'
import { label, nodeCommand, taint } from './commandsNode.ts'
import {
  createDeployment,
  del,
  filenamesCommand,
  rolloutCommand,
  run,
  scale,
  setImage,
  subCommandRun,
} from './commandsWrite.ts'
import { notSimulated, type CommandContext, type KubectlParse } from './types.ts'

/** parseCommand runs the found command's own checks. */
export function parseCommand(ctx: CommandContext): KubectlParse {
  switch (ctx.path) {
    case 'kubectl apply':
      return filenamesCommand(ctx, 'apply')
    case 'kubectl create':
      return filenamesCommand(ctx, 'create')
    case 'kubectl create deployment':
      return createDeployment(ctx)
    case 'kubectl run':
      return run(ctx)
    case 'kubectl delete':
      return del(ctx)
    case 'kubectl scale':
      return scale(ctx)
    case 'kubectl set image':
      return setImage(ctx)
    case 'kubectl rollout status':
    case 'kubectl rollout undo':
    case 'kubectl rollout history':
    case 'kubectl rollout restart':
      return rolloutCommand(ctx)
    case 'kubectl cordon':
      return nodeCommand(ctx, 'cordon')
    case 'kubectl uncordon':
      return nodeCommand(ctx, 'uncordon')
    case 'kubectl drain':
      return nodeCommand(ctx, 'drain')
    case 'kubectl taint':
      return taint(ctx)
    case 'kubectl label':
      return label(ctx)
    case 'kubectl get':
      return get(ctx)
    case 'kubectl describe':
      return describe(ctx)
    case 'kubectl auth can-i':
      return canI(ctx)
    case 'kubectl set':
    case 'kubectl rollout':
    case 'kubectl auth':
      return subCommandRun(ctx)
    default:
      return notSimulated(`"${ctx.path}"`)
  }
}
