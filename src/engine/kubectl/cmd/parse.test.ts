// Expected texts: kubernetes/kubectl at tag kubernetes-1.35.7 (files named per block), spf13/cobra v1.10.0,
// spf13/pflag v1.0.9 (the versions kubectl v1.35's go.mod pins).
import { describe, expect, it } from 'vitest'
import { parseKubectl, type KubectlCommand } from './parse.ts'
import { ld, suggestionsFor } from './cobra.ts'

const words = (line: string): string[] => line.split(' ').filter((w) => w !== '')
const stderr = (line: string): string => {
  const r = parseKubectl(words(line))
  if (!('error' in r)) throw new Error(`parsed: ${JSON.stringify(r.command)}`)
  return r.error.stderr
}
const command = (line: string): KubectlCommand => {
  const r = parseKubectl(words(line))
  if ('error' in r) throw new Error(r.error.stderr)
  return r.command
}

describe('cobra: unknown commands and suggestions (command.go findSuggestions, args.go legacyArgs)', () => {
  it('ld is Levenshtein distance', () => {
    expect(ld('gte', 'get', true)).toBe(2)
    expect(ld('GET', 'get', true)).toBe(0)
    expect(ld('kitten', 'sitting', false)).toBe(3)
  })
  it('prints "Did you mean this?" within distance 2, by prefix, and for SuggestFor words', () => {
    expect(stderr('gte pods')).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n')
    // In the order the commands were added; "rm" is within 2 of run and cp, and delete's SuggestFor.
    expect(suggestionsFor('rm')).toEqual(['run', 'delete', 'cp'])
    expect(suggestionsFor('list')).toEqual(['get', 'wait'])
    expect(suggestionsFor('descr')).toEqual(['describe'])
  })
  it('prints no block when nothing is close', () => {
    expect(stderr('frobnicate')).toBe('error: unknown command "frobnicate" for "kubectl"\n')
  })
  it('finds the command after global flags', () => {
    expect(command('-n dev get pods')).toMatchObject({ verb: 'get', global: { namespace: 'dev' } })
    expect(command('--user alice get pods')).toMatchObject({ verb: 'get', global: { user: 'alice' } })
  })
})

describe('pflag errors through kubectl’s FlagErrorFunc (templates/templater.go)', () => {
  it.each([
    ['get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -x', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    [
      'create deployment web --image=nginx --replicas=x',
      'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\n' +
        "See 'kubectl create deployment --help' for usage.\n",
    ],
    [
      'scale deployment web --replicas=x',
      'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\n' +
        "See 'kubectl scale --help' for usage.\n",
    ],
    [
      'delete pod x --grace-period=soon',
      'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax\n' +
        "See 'kubectl delete --help' for usage.\n",
    ],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
})

describe('required flags and names (cobra ValidateRequiredFlags; create/create.go NameFromCommandArgs)', () => {
  it.each([
    ['create deployment web', 'error: required flag(s) "image" not set\n'],
    ['run x', 'error: required flag(s) "image" not set\n'],
    ['scale deployment web', 'error: required flag(s) "replicas" not set\n'],
    [
      'create deployment --image=nginx',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    [
      'create deploy a b --image=nginx',
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    ['run --image=nginx', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
})

describe('resource arguments (cli-runtime builder.go)', () => {
  it.each([
    ['get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['get Foo.bar', 'error: the server doesn\'t have a resource type "Foo"\n'],
    ['delete pod', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'delete',
      'error: You must provide one or more resources by argument or filename.\n' +
        'Example resource specifications include:\n' +
        "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'get pod pod/x',
      'error: there is no need to specify a resource type as a separate argument when passing arguments in ' +
        "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource " +
        "resource/<resource_name>'\n",
    ],
    ['get pod/a/b', 'error: arguments in resource/name form may not have more than one slash\n'],
    ['get pod/', 'error: arguments in resource/name form must have a single resource and name\n'],
    ['get pods,deploy x', 'error: you must specify only one resource\n'],
    ['get pod x -A', 'error: a resource cannot be retrieved by name across all namespaces\n'],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
  it('resolves aliases, kinds, groups and TYPE/NAME', () => {
    const sel = (line: string) => {
      const c = command(line)
      return c.verb === 'get' ? c.selection : undefined
    }
    expect(sel('get po,no,deploy,rs,ev')).toEqual({
      types: ['pods', 'nodes', 'deployments', 'replicasets', 'events'],
      names: [],
    })
    expect(sel('get Pod x y')).toEqual({ types: ['pods'], names: ['x', 'y'] })
    expect(sel('get deployments.apps')).toEqual({ types: ['deployments'], names: [] })
    expect(sel('get rs.v1.apps')).toEqual({ types: ['replicasets'], names: [] })
    expect(sel('get deploy/web pod/x')).toEqual({
      refs: [
        { resource: 'deployments', name: 'web' },
        { resource: 'pods', name: 'x' },
      ],
    })
  })
})

describe('get (get/get.go, get_flags.go)', () => {
  it('parses output, selector, all namespaces and namespace anywhere', () => {
    expect(command('get pods -o wide -l app=web -n dev')).toEqual({
      verb: 'get',
      selection: { types: ['pods'], names: [] },
      output: 'wide',
      selector: 'app=web',
      allNamespaces: false,
      global: { namespace: 'dev' },
    })
    expect(command('get pods -A')).toMatchObject({ allNamespaces: true })
  })
  it('prints the usage when no type is given', () => {
    expect(stderr('get')).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported ' +
        'resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed ' +
        "description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n",
    )
  })
  it('refuses an unknown output format as kubectl does', () => {
    expect(stderr('get pods -o foo')).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,' +
        'custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,' +
        'templatefile,wide,yaml\n',
    )
  })
  it('refuses -w politely, as podbirth’s own text', () => {
    const r = parseKubectl(['get', 'pods', '-w'])
    expect(r).toMatchObject({ error: { kubectlText: false, exitCode: 1 } })
  })
})

describe('describe (describe/describe.go)', () => {
  it('needs a type', () => {
    expect(stderr('describe')).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list ' +
        'of supported resources.\n',
    )
  })
  it('takes TYPE NAME', () => {
    expect(command('describe deploy web')).toEqual({
      verb: 'describe',
      selection: { types: ['deployments'], names: ['web'] },
      global: {},
    })
  })
})

describe('apply and create -f (apply/apply.go, create/create.go)', () => {
  it.each([
    ['apply', 'error: must specify one of -f and -k\n'],
    ['create', 'error: must specify one of -f and -k\n'],
    ['apply x.yaml', "error: Unexpected args: [x.yaml]\nSee 'kubectl apply -h' for help and examples\n"],
    ['create foo bar', "error: Unexpected args: [foo bar]\nSee 'kubectl create -h' for help and examples\n"],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
  it('collects several -f, comma lists and -', () => {
    expect(command('apply -f a.yaml,b.yaml -f -')).toEqual({
      verb: 'apply',
      filenames: ['a.yaml', 'b.yaml', '-'],
      global: {},
    })
  })
})

describe('create deployment and run', () => {
  it('create deployment defaults: replicas 1, no port', () => {
    expect(command('create deployment web --image=nginx:1.27')).toEqual({
      verb: 'create deployment',
      name: 'web',
      images: ['nginx:1.27'],
      command: [],
      replicas: 1,
      port: -1,
      global: {},
    })
    expect(command('create deploy web --image nginx -r 3 --port=80 -- sleep 1')).toMatchObject({
      replicas: 3,
      port: 80,
      command: ['sleep', '1'],
    })
  })
  it('create deployment refuses several images with a command', () => {
    expect(stderr('create deployment web --image=a,b -- sleep 1')).toBe(
      'error: cannot specify multiple --image options and command\n',
    )
  })
  it('run parses labels, port, restart and args', () => {
    expect(command('run x --image=busybox -l a=b,c=d --port=80 --restart=Never -- sleep 10')).toMatchObject({
      verb: 'run',
      name: 'x',
      labels: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      port: 80,
      restart: 'Never',
      args: ['sleep', '10'],
    })
  })
  it.each([
    [
      'run x --image=nginx --restart=Sometimes',
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n",
    ],
    [
      'run x --image=nginx --image-pull-policy=Often',
      "error: invalid image pull policy: Often\nSee 'kubectl run -h' for help and examples\n",
    ],
    ['run x --image=nginx -l a', 'error: unexpected label spec: a\n'],
    ['run x --image=Nginx', 'error: Invalid image name "Nginx": invalid reference format\n'],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
})

describe('delete (delete/delete.go Complete and Validate)', () => {
  it('turns --now into 1 second and --force into 0', () => {
    expect(command('delete pod x --now')).toMatchObject({ gracePeriod: 1, force: false, warnings: [] })
    expect(command('delete pod x --grace-period=0')).toMatchObject({ gracePeriod: 1 })
    expect(command('delete pods a b')).toMatchObject({
      gracePeriod: -1,
      targets: [
        { resource: 'pods', name: 'a' },
        { resource: 'pods', name: 'b' },
      ],
    })
    expect(command('delete pod x --force')).toMatchObject({
      gracePeriod: 0,
      warnings: [
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been ' +
          'terminated. The resource may continue to run on the cluster indefinitely.\n',
      ],
    })
  })
  it.each([
    ['delete pod x --now --grace-period=3', 'error: --now and --grace-period cannot be specified together\n'],
    [
      'delete pod x --force --grace-period=3',
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    ],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
})

describe('scale, set image, rollout', () => {
  it('scale takes TYPE NAME and TYPE/NAME', () => {
    expect(command('scale deploy/web --replicas=5')).toMatchObject({
      verb: 'scale',
      replicas: 5,
      targets: [{ resource: 'deployments', name: 'web' }],
    })
    expect(command('scale rs web-abc --replicas 0')).toMatchObject({ replicas: 0 })
    expect(stderr('scale deploy web --replicas=-1')).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    )
  })
  it('set image', () => {
    expect(command('set image deployment/web nginx=nginx:1.28')).toMatchObject({
      verb: 'set image',
      containerImages: [['nginx', 'nginx:1.28']],
    })
    expect(stderr('set image deployment/web')).toBe('error: at least one image update is required\n')
    expect(stderr('set image deployment/web a=b web')).toBe(
      'error: all resources must be specified before image changes: web\n',
    )
    expect(stderr('set image deployment/web nginx-')).toBe('error: invalid image format: nginx-\n')
    expect(stderr('set image deploy/web *=a x=b')).toBe(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    )
  })
  it('rollout subcommands', () => {
    expect(command('rollout status deployment/web')).toMatchObject({ verb: 'rollout status', watch: true, revision: 0 })
    expect(command('rollout undo deploy web --to-revision=2')).toMatchObject({ verb: 'rollout undo', toRevision: 2 })
    expect(command('rollout history deployment/web')).toMatchObject({ verb: 'rollout history' })
    expect(command('rollout restart deployment/web')).toMatchObject({ verb: 'rollout restart' })
    expect(stderr('rollout status')).toBe('error: required resource not specified\n')
    expect(stderr('rollout foo deployment/web')).toBe(
      'error: unknown command "foo deployment/web"\nSee \'kubectl rollout -h\' for help and examples\n',
    )
  })
})

describe('cordon, drain, taint, label', () => {
  it('cordon/uncordon/drain need a node', () => {
    expect(stderr('cordon')).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n")
    expect(stderr('drain')).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n")
    expect(command('uncordon node/w1')).toEqual({ verb: 'uncordon', nodes: ['w1'], global: {} })
    expect(command('drain w1 --ignore-daemonsets --delete-emptydir-data')).toMatchObject({
      verb: 'drain',
      ignoreDaemonsets: true,
      deleteEmptydirData: true,
      force: false,
      gracePeriod: -1,
    })
  })
  it('taint adds and removes', () => {
    expect(command('taint nodes w1 k=v:NoSchedule dedicated:NoExecute- gpu-')).toMatchObject({
      nodes: ['w1'],
      taintsToAdd: [{ key: 'k', value: 'v', effect: 'NoSchedule' }],
      taintsToRemove: [
        { key: 'dedicated', effect: 'NoExecute' },
        { key: 'gpu', effect: '' },
      ],
    })
  })
  // Cases from taint/taint_test.go TestTaint ("invalid taint effect", "duplicated taints …", "add and remove …").
  it.each([
    [
      'taint nodes w1 foo=bar:NoExcute',
      "error: invalid taint effect: NoExcute, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      'taint nodes w1 foo=bar:NoSchedule foo=barz:NoSchedule',
      'error: duplicated taints with the same key and effect: {foo barz NoSchedule <nil>}\n' +
        "See 'kubectl taint -h' for help and examples\n",
    ],
    [
      'taint nodes w1 foo=:NoSchedule foo:NoSchedule-',
      'error: can not both modify and remove the following taint(s) in the same command: foo=NoSchedule\n',
    ],
    ['taint nodes w1 foo', 'error: at least one taint update is required\n'],
    ['taint nodes w1 k=v:NoSchedule w2', 'error: all resources must be specified before taint changes: w2\n'],
    ['taint pods x k=v:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
    [
      'taint nodes k=v:NoSchedule',
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    ],
    [
      'taint nodes w1 k=v',
      "error: invalid taint spec: k=v, name part must consist of alphanumeric characters, '-', '_' or '.', and " +
        "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex " +
        "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and " +
        'examples\n',
    ],
  ])('%s', (line, text) => expect(stderr(line)).toBe(text))
  it('label', () => {
    expect(command('label nodes w1 disk=ssd zone- --overwrite')).toMatchObject({
      verb: 'label',
      targets: [{ resource: 'nodes', name: 'w1' }],
      labels: [['disk', 'ssd']],
      remove: ['zone'],
      overwrite: true,
    })
    expect(stderr('label pods x')).toBe('error: at least one label update is required\n')
    expect(stderr('label a=b')).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    )
    expect(stderr('label pods x a=b a-')).toBe('error: can not both modify and remove a label in the same command\n')
    expect(stderr('label pods x a=b=c')).toBe('error: invalid label spec: a=b=c\n')
  })
})

describe('auth can-i (auth/cani.go)', () => {
  it('resolves the resource and keeps --as global', () => {
    expect(command('auth can-i create deployments --as=alice -n dev')).toEqual({
      verb: 'auth can-i',
      canIVerb: 'create',
      resource: 'deployments',
      group: 'apps',
      resourceName: '',
      subresource: '',
      nonResourceURL: '',
      allNamespaces: false,
      quiet: false,
      warnings: [],
      global: { as: 'alice', namespace: 'dev' },
    })
    expect(command('auth can-i get pods/x')).toMatchObject({ resource: 'pods', resourceName: 'x' })
    expect(command('auth can-i get /logs')).toMatchObject({ nonResourceURL: '/logs', resource: '' })
  })
  it('warns about an unknown resource and still asks', () => {
    expect(command('auth can-i get foo')).toMatchObject({
      resource: 'foo',
      warnings: ["Warning: the server doesn't have a resource type 'foo'\n\n"],
    })
  })
  it('needs two arguments', () => {
    expect(stderr('auth can-i get')).toBe(
      'error: you must specify two arguments: verb resource or verb resource/resourceName.\n' +
        "See 'kubectl auth can-i -h' for help and examples.\n",
    )
  })
})

describe('what podbirth does not simulate is refused in its own words', () => {
  it.each([
    'logs x',
    'get svc',
    'get pods --context=x',
    'apply -f x.yaml --dry-run=client',
    'get pods -o jsonpath={.items}',
    '',
  ])('%j', (line) => {
    const r = parseKubectl(words(line))
    expect(r).toMatchObject({ error: { kubectlText: false } })
    if ('error' in r) expect(r.error.stderr.startsWith('podbirth: ')).toBe(true)
  })
})
