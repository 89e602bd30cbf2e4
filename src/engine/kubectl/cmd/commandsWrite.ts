/**
 * The checks of the commands that write: apply, create, create deployment, run, delete, scale, set image, rollout.
 * Mirrors kubernetes/kubectl (tag kubernetes-1.35.7): pkg/cmd/apply/apply.go (ToOptions), create/create.go
 * (Complete, Validate, NameFromCommandArgs), create/create_deployment.go (Validate), run/run.go (Run,
 * getRestartPolicy, verifyImagePullPolicy), generate/generate.go (ParseLabels), generate/versioned/run.go
 * (updatePodPorts), delete/delete.go (Complete, Validate), scale/scale.go (Validate), set/set_image.go (Complete,
 * Validate), util/helpers.go (ParsePairs, DefaultSubCommandRun), rollout/rollout_*.go (Validate).
 */
import { isImageRef, parseImageName } from '../../api/images.ts'
import { errorText, usageErrorText } from './cobra.ts'
import { goQuote, parseGoInt } from './flags.ts'
import { bool, num, resourcesAndPairs, str, strs, targetsOf } from './commandArgs.ts'
import { fail, notSimulated, type CommandContext, type KubectlParse } from './types.ts'

/** Go's %v of a []string. */
const goSlice = (xs: readonly string[]): string => `[${xs.join(' ')}]`

/** DefaultSubCommandRun: a parent command run with words it does not know, or bare (which prints help). */
export function subCommandRun(ctx: CommandContext): KubectlParse {
  if (ctx.args.length > 0) return fail(usageErrorText(`unknown command ${goQuote(ctx.args.join(' '))}`, ctx.path))
  return notSimulated(`"${ctx.path}" help`)
}

export function filenamesCommand(ctx: CommandContext, verb: 'apply' | 'create'): KubectlParse {
  if (ctx.args.length > 0) return fail(usageErrorText(`Unexpected args: ${goSlice(ctx.args)}`, ctx.path))
  const filenames = strs(ctx.values, 'filename')
  if (filenames.length === 0) return fail(errorText('must specify one of -f and -k'))
  return { command: { verb, filenames, global: ctx.global } }
}

export function createDeployment(ctx: CommandContext): KubectlParse {
  const argsLen = ctx.argsLenAtDash === -1 ? ctx.args.length : ctx.argsLenAtDash
  if (argsLen !== 1) return fail(usageErrorText(`exactly one NAME is required, got ${argsLen}`, ctx.path))
  const images = strs(ctx.values, 'image')
  const command = ctx.args.slice(1)
  if (images.length > 1 && command.length > 0)
    return fail(errorText('cannot specify multiple --image options and command'))
  return {
    command: {
      verb: 'create deployment',
      name: ctx.args[0] ?? '',
      images,
      command,
      global: ctx.global,
      replicas: num(ctx.values, 'replicas', 1),
      port: num(ctx.values, 'port', -1),
    },
  }
}

export function run(ctx: CommandContext): KubectlParse {
  const v = ctx.values
  if (ctx.args.length === 0 || ctx.argsLenAtDash === 0)
    return fail(usageErrorText('NAME is required for run', ctx.path))
  const image = str(v, 'image')
  if (image === '') return fail(errorText('--image is required'))
  // Simplified: kubectl matches distribution's ReferenceRegexp; the engine's image parser accepts the same names.
  if (!isImageRef(parseImageName(image)))
    return fail(errorText(`Invalid image name ${goQuote(image)}: invalid reference format`))
  const restart = str(v, 'restart', 'Always')
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') {
    return fail(usageErrorText(`invalid restart policy: ${restart}`, ctx.path))
  }
  const pull = str(v, 'image-pull-policy')
  if (pull !== '' && pull !== 'Always' && pull !== 'IfNotPresent' && pull !== 'Never') {
    return fail(usageErrorText(`invalid image pull policy: ${pull}`, ctx.path))
  }
  const labelString = str(v, 'labels')
  const labels: Array<[string, string]> = []
  if (labelString !== '') {
    for (const spec of labelString.split(',')) {
      const kv = spec.split('=')
      if (kv.length !== 2) return fail(errorText(`unexpected label spec: ${spec}`))
      if ((kv[0] ?? '') === '') return fail(errorText('unexpected empty label key'))
      labels.push([kv[0] ?? '', kv[1] ?? ''])
    }
  }
  const portString = str(v, 'port')
  let port = -1
  if (portString !== '') {
    // strconv.Atoi reports itself as ParseInt with base 10; base-prefixed forms are not accepted.
    const p = /^[+-]?\d+$/.test(portString) ? parseGoInt(portString, 64) : undefined
    if (!p || 'error' in p) return fail(errorText(`strconv.Atoi: parsing ${goQuote(portString)}: invalid syntax`))
    port = p.value
  }
  return {
    command: {
      verb: 'run',
      name: ctx.args[0] ?? '',
      image,
      port,
      labels,
      restart,
      imagePullPolicy: pull,
      env: strs(v, 'env'),
      annotations: strs(v, 'annotations'),
      args: ctx.args.slice(1),
      command: bool(v, 'command'),
      global: ctx.global,
    },
  }
}

export function del(ctx: CommandContext): KubectlParse {
  const v = ctx.values
  let gracePeriod = num(v, 'grace-period', -1)
  const force = bool(v, 'force')
  if (bool(v, 'now')) {
    if (gracePeriod !== -1) return fail(errorText('--now and --grace-period cannot be specified together'))
    gracePeriod = 1
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1
  if (force && gracePeriod < 0) gracePeriod = 0
  const targets = targetsOf(ctx, ['pods', 'deployments', 'replicasets', 'nodes', 'events'])
  if ('error' in targets) return targets.error
  const warnings: string[] = []
  if (gracePeriod === 0 && force) {
    warnings.push(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been ' +
        'terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
  } else if (gracePeriod > 0 && force) {
    return fail(errorText('--force and --grace-period greater than 0 cannot be specified together'))
  }
  return {
    command: {
      verb: 'delete',
      targets: targets.ok,
      gracePeriod,
      force,
      ignoreNotFound: bool(v, 'ignore-not-found'),
      warnings,
      global: ctx.global,
    },
  }
}

export function scale(ctx: CommandContext): KubectlParse {
  const replicas = num(ctx.values, 'replicas', 0)
  if (replicas < 0) {
    return fail(errorText('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'))
  }
  const targets = targetsOf(ctx, ['deployments', 'replicasets'])
  if ('error' in targets) return targets.error
  return { command: { verb: 'scale', targets: targets.ok, replicas, global: ctx.global } }
}

export function setImage(ctx: CommandContext): KubectlParse {
  const split = resourcesAndPairs(ctx.args, 'image')
  if (typeof split === 'string') return fail(errorText(split))
  const images: Array<[string, string]> = []
  const invalid: string[] = []
  for (const p of split.pairs) {
    const eq = p.indexOf('=')
    if (eq > 0) images.push([p.slice(0, eq), p.slice(eq + 1)])
    else invalid.push(p)
  }
  if (invalid.length > 0) return fail(errorText(`invalid image format: ${invalid.join(', ')}`))
  // Complete resolves the resources (builder.Do) before Validate checks the pairs; with no resource the
  // builder's missing-resource error comes first, so Validate's own "one or more resources" cannot show.
  const targets = targetsOf({ ...ctx, args: split.resources }, ['deployments', 'replicasets', 'pods'])
  if ('error' in targets) return targets.error
  if (images.length === 0) return fail(errorText('at least one image update is required'))
  if (images.length > 1 && images.some(([c]) => c === '*')) {
    return fail(
      errorText(
        'all containers are already specified by *, but saw more than one ' + 'container_name=container_image pairs',
      ),
    )
  }
  return { command: { verb: 'set image', targets: targets.ok, containerImages: images, global: ctx.global } }
}

export function rolloutCommand(ctx: CommandContext): KubectlParse {
  if (ctx.args.length === 0) return fail(errorText('required resource not specified'))
  const targets = targetsOf(ctx, ['deployments'])
  if ('error' in targets) return targets.error
  const t = targets.ok
  const g = ctx.global
  switch (ctx.path) {
    case 'kubectl rollout status': {
      const revision = num(ctx.values, 'revision', 0)
      if (revision < 0) return fail(errorText(`revision must be a positive integer: ${revision}`))
      return {
        command: { verb: 'rollout status', targets: t, revision, watch: bool(ctx.values, 'watch', true), global: g },
      }
    }
    case 'kubectl rollout history': {
      const revision = num(ctx.values, 'revision', 0)
      if (revision < 0) return fail(errorText(`revision must be a positive integer: ${revision}`))
      return { command: { verb: 'rollout history', targets: t, revision, global: g } }
    }
    case 'kubectl rollout undo':
      return { command: { verb: 'rollout undo', targets: t, toRevision: num(ctx.values, 'to-revision', 0), global: g } }
    default:
      return { command: { verb: 'rollout restart', targets: t, global: g } }
  }
}
