/**
 * The checks of the commands that read: get, describe, auth can-i.
 * Mirrors kubernetes/kubectl (tag kubernetes-1.35.7): pkg/cmd/get/get.go (Complete), get/get_flags.go
 * (AllowedFormats), pkg/cmd/describe/describe.go (ToOptions), pkg/cmd/util/printing.go (SuggestAPIResources),
 * pkg/cmd/auth/cani.go (Complete, resourceFor); cli-runtime builder.go (visitByName).
 */
import { errorText, usageErrorText } from './cobra.ts'
import { goQuote } from './flags.ts'
import { bool, resolveArgs, str } from './commandArgs.ts'
import { lookupCanIResource, refsOf, SIMULATED } from './resources.ts'
import { fail, notSimulated, type CommandContext, type GetOutput, type KubectlParse } from './types.ts'

/** get_flags.go AllowedFormats, sorted as NoCompatiblePrinterError prints them (KUBECTL_KYAML unset). */
const GET_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
]

export function get(ctx: CommandContext): KubectlParse {
  const v = ctx.values
  if (bool(v, 'watch') || bool(v, 'watch-only')) {
    return notSimulated('"kubectl get --watch" (the console shows each state at its moment; run get again later)')
  }
  const output = str(v, 'output')
  const base = output.split('=')[0] ?? ''
  if (output !== '' && !GET_FORMATS.includes(base)) {
    return fail(
      errorText(
        `unable to match a printer suitable for the output format ${goQuote(output)}, ` +
          `allowed formats are: ${GET_FORMATS.join(',')}`,
      ),
    )
  }
  if (output !== '' && !['wide', 'yaml', 'json', 'name'].includes(output))
    return notSimulated(`"kubectl get -o ${base}"`)
  if (ctx.args.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of ' +
        'supported resources.\n\n' +
        usageErrorText(
          'Required resource not specified.\nUse "kubectl explain ' +
            '<resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
          ctx.path,
        ),
    )
  }
  const r = resolveArgs(ctx.args, true)
  if ('error' in r) return r.error
  const allNamespaces = bool(v, 'all-namespaces')
  if (allNamespaces) {
    const named = refsOf(r.ok).some((ref) => SIMULATED[ref.resource].namespaced)
    if (named) return fail(errorText('a resource cannot be retrieved by name across all namespaces'))
  }
  return {
    command: {
      verb: 'get',
      selection: r.ok,
      output: output as GetOutput,
      selector: str(v, 'selector'),
      allNamespaces,
      global: ctx.global,
    },
  }
}

export function describe(ctx: CommandContext): KubectlParse {
  if (ctx.args.length === 0) {
    return fail(
      errorText(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a ' +
          'complete list of supported resources.\n',
      ),
    )
  }
  const r = resolveArgs(ctx.args, true)
  if ('error' in r) return r.error
  return { command: { verb: 'describe', selection: r.ok, global: ctx.global } }
}

export function canI(ctx: CommandContext): KubectlParse {
  if (ctx.args.length !== 2) {
    return fail(
      errorText(
        'you must specify two arguments: verb resource or verb resource/resourceName.\n' +
          "See 'kubectl auth can-i -h' for help and examples.",
      ),
    )
  }
  const [verb = '', target = ''] = ctx.args
  const warnings: string[] = []
  let resource = ''
  let group = ''
  let resourceName = ''
  let nonResourceURL = ''
  if (target.startsWith('/')) nonResourceURL = target
  else {
    const slash = target.indexOf('/')
    const typeArg = slash >= 0 ? target.slice(0, slash) : target
    resourceName = slash >= 0 ? target.slice(slash + 1) : ''
    const found = lookupCanIResource(typeArg)
    resource = found.resource
    group = found.group
    if (found.warning) warnings.push(`Warning: ${found.warning}\n`)
  }
  const subresource = str(ctx.values, 'subresource')
  if (nonResourceURL !== '' && subresource !== '')
    return fail(errorText('--subresource can not be used with NonResourceURL'))
  return {
    command: {
      verb: 'auth can-i',
      canIVerb: verb,
      resource,
      group,
      resourceName,
      subresource,
      nonResourceURL,
      allNamespaces: bool(ctx.values, 'all-namespaces'),
      quiet: bool(ctx.values, 'quiet'),
      warnings,
      global: ctx.global,
    },
  }
}
