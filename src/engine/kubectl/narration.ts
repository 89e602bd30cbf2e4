/** What kubectl's own steps say: reading and decoding the file, client-side checks, the kubeconfig, the requests. */
import type { NarrationTable } from '../narration/types.ts'
import type { KubectlTraceType } from './traceTypes.ts'

const APPLY_DOCS = 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/'
const DECLARATIVE_DOCS = 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/'
const KUBECONFIG_DOCS = 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/'
const OBJECTS_DOCS = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/'
const VISITOR = 'staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go'
const APPLY = 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export const KUBECTL_NARRATION: NarrationTable<KubectlTraceType> = {
  'kubectl:Read': {
    summary: (e) => `read ${e.details.file} (${e.details.lines} lines)`,
    story: (e) => `kubectl reads the manifest ${e.details.file} given with -f (${plural(e.details.bytes, 'byte')}). ` +
      'Nothing has been sent to the cluster yet: the first steps all happen on your machine.',
    expert: (e) => `The resource.Builder's FileVisitor opens ${e.details.file}; a StreamVisitor splits it into YAML ` +
      'documents with a YAMLOrJSONDecoder.',
    docs: APPLY_DOCS,
    source: VISITOR,
  },
  'kubectl:Decode': {
    summary: (e) => {
      const d = e.details
      if (d.result === 'error') return d.message
      // A document without kind reads "?/x", as a missing name already did ("Pod/?").
      return `decoded ${plural(d.objects.length, 'object')}: ` +
        firstFew(d.objects.map((o) => `${o.kind ?? '?'}/${o.name ?? '?'}`))
    },
    story: (e) => {
      const d = e.details
      if (d.result === 'error') {
        return `kubectl turns YAML into JSON before sending anything. ${d.file} is not valid YAML at line ${d.line}, ` +
          `column ${d.column}, so kubectl stops here and nothing reaches the cluster.`
      }
      return `kubectl converts each YAML document of ${d.file} into a JSON object (a kind: List is unpacked into its ` +
        `items): ${firstFew(d.objects.map((o) => `${o.kind ?? '?'} "${o.name ?? '?'}" (line ${o.line})`))}.`
    },
    expert: (e) => {
      const d = e.details
      return d.result === 'error'
        ? `sigs.k8s.io/yaml's YAMLToJSON fails at line ${d.line}; StreamVisitor wraps it as "error parsing ` +
          `${d.file}: ` +
          'error converting YAML to JSON" and the builder returns it before any request.'
        : `StreamVisitor decodes ${plural(d.objects.length, 'document')} into unstructured objects; ` +
          'FlattenListVisitor expands List kinds.'
    },
    docs: APPLY_DOCS,
    source: VISITOR,
  },
  'kubectl:Validate': {
    summary: (e) => {
      const d = e.details
      if (d.check === 'request-path') return d.error
      return d.check === 'type-fields' ? d.message : `no matches for kind "${d.kind}" in version "${d.apiVersion}"`
    },
    story: (e) => {
      const d = e.details
      if (d.check === 'type-fields') {
        return `An object in ${d.file} does not say ${d.missing.map((m) => m.replace(' not set', '')).join(' or ')}. ` +
          'Every Kubernetes object must name its API (apiVersion) and its type (kind); without them kubectl cannot ' +
          'even choose the URL to send it to.'
      }
      if (d.check === 'request-path') {
        return `kubectl builds the URL of the ${d.kind} from its namespace and name, and ` +
          `${d.name === '' ? 'the object has no name' : 'the namespace or name cannot be one segment of a URL'}, ` +
          'so kubectl refuses it before sending anything.'
      }
      return `kubectl asks the cluster's discovery information which URL serves kind "${d.kind}" in ` +
        `"${d.apiVersion}", and the cluster serves no such kind (it knows ${d.known.join(', ')}). A custom kind ` +
        'needs its CustomResourceDefinition installed first.'
    },
    expert: (e) => {
      const d = e.details
      if (d.check === 'request-path') {
        return 'client-go\'s Request builder checks NamespaceIfScoped(ns) and Name(name) with IsValidPathSegmentName ' +
          '(no "/", no "%", not "." or "..") and refuses an empty name; apply.go wraps the error with AddSourceToErr.'
      }
      return d.check === 'type-fields'
        ? `The schema validator's getObjectKind finds [${d.missing.join(', ')}]; kubectl reports "error validating ` +
          'data" and suggests --validate=false.'
        : `The RESTMapper (from discovery) has no mapping for ${d.apiVersion}, Kind=${d.kind}; mapper.infoForData ` +
          `returns "resource mapping not found for name: \\"${d.name}\\"" with "ensure CRDs are installed first".`
    },
    docs: OBJECTS_DOCS,
    source: (e) => (e.details.check === 'type-fields'
      ? 'staging/src/k8s.io/kubectl/pkg/validation/schema.go'
      : e.details.check === 'request-path'
        ? 'staging/src/k8s.io/client-go/rest/request.go'
        : 'staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go'),
  },
  'kubectl:Kubeconfig': {
    summary: (e) => (e.details.result === 'ok' ? `user "${e.details.user}"` : e.details.error),
    story: (e) => {
      const d = e.details
      if (d.result === 'error') {
        return `kubectl looks up the user ${d.userFlag ? `named by --user=${d.userFlag}` : 'of the current context'} ` +
          'in the kubeconfig (the file that says which clusters exist and which credentials to use) and finds no ' +
          'such entry, so it stops before contacting the cluster.'
      }
      const c = d.credentials
      const creds = c.clientCertificate
        ? `a client certificate for CN=${c.clientCertificate.commonName}${c.clientCertificate.organizations
          .map((o) => `, O=${o}`).join('')}, signed by ${c.clientCertificate.issuer}, shown during the TLS handshake`
        : c.token ? 'a bearer token, sent in the Authorization header' : 'no credentials at all, so the request is ' +
          'anonymous'
      return `kubectl reads the kubeconfig (the file that says which clusters exist and which credentials to use): ` +
        `context "${d.context || '(none)'}"${d.userFlag ? `, with the user overridden by --user=${d.userFlag}` : ''} ` +
        `selects user "${d.user}", who presents ${creds}. Objects without a namespace go to "${d.namespace}".`
    },
    expert: (e) => {
      const d = e.details
      return d.result === 'error'
        ? `clientcmd's validation rejects the config: ${d.error.replace(/^error: /, '')}.`
        : `clientcmd.DirectClientConfig.ClientConfig merges the context "${d.context}" and AuthInfo "${d.user}" into ` +
          `a rest.Config (${d.credentials.clientCertificate ? 'TLSClientConfig.CertData' : d.credentials.token
            ? 'BearerToken' : 'no credentials'}); Namespace() gives "${d.namespace}".`
    },
    docs: KUBECONFIG_DOCS,
    source: 'staging/src/k8s.io/client-go/tools/clientcmd/client_config.go',
  },
  'kubectl:BuildRequest': {
    summary: (e) => (e.details.method === 'GET'
      ? `build GET ${e.details.path}`
      : `build POST ${e.details.path} with the last-applied annotation`),
    story: (e) => {
      const d = e.details
      const where = d.namespace ? ` in namespace "${d.namespace}"` : ''
      if (d.method === 'GET') {
        return `Client-side apply first asks whether ${d.kind} "${d.name}" already exists${where}: if it does, ` +
          'kubectl will patch it; if not, it will create it.'
      }
      return `${d.kind} "${d.name}" does not exist, so kubectl prepares a create: the manifest as JSON, plus the ` +
        `annotation ${d.annotation}, a copy of what you applied that the next apply compares against.`
    },
    expert: (e) => {
      const d = e.details
      return d.method === 'GET'
        ? `ApplyOptions.applyOneObject: info.Get() on ${d.path}.`
        : `applyOneObject's create branch: util.CreateApplyAnnotation sets ${d.annotation}, then ` +
          `resource.Helper.Create(${d.namespace ? `"${d.namespace}"` : '""'}, true, obj) posts to ${d.path}.`
    },
    docs: DECLARATIVE_DOCS,
    source: APPLY,
  },
  'kubectl:Command': {
    summary: (e) => `$ kubectl ${e.details.argv.join(' ')}`,
    story: (e) => (e.details.verb === undefined
      ? 'kubectl reads the command line and refuses it before it talks to the cluster.'
      : e.details.mutating
        ? `The next command of the session: kubectl ${e.details.verb}. It asks the API server to change the ` +
          'cluster, and the API server checks it as it checks every request: who is asking, may they, is it valid.'
        : `The next command of the session: kubectl ${e.details.verb}. It only reads: the API server answers from ` +
          'the cluster as it is at this moment.'),
    expert: (e) => `cobra resolves "kubectl ${e.details.argv.join(' ')}" to ${e.details.verb ?? 'an error'}; the ` +
      'command runs Complete, Validate and Run (staging/src/k8s.io/kubectl/pkg/cmd).',
    docs: 'https://kubernetes.io/docs/reference/kubectl/',
    source: 'staging/src/k8s.io/kubectl/pkg/cmd/cmd.go',
  },
  'kubectl:Output': {
    summary: (e) => {
      const d = e.details
      return d.exitCode === 0 ? d.stdoutLines.join(' · ') || '(no ' +
        'output)' : (d.stderrLines[d.stderrLines.length - 1] ?? 'failed')
    },
    story: (e) => {
      const d = e.details
      if (d.exitCode === 0) {
        const printed = d.stdoutLines.length ? d.stdoutLines.map((l) => `"${l}"`).join(', ') : 'nothing'
        if (d.verb && !['apply', 'create', 'create deployment', 'run'].includes(d.verb)) {
          return `kubectl prints ${printed} and exits with code 0.`
        }
        return `kubectl prints ${printed} and exits with code 0. It does not wait for the pod to run: the rest of ` +
          'the story happens without it.'
      }
      return `kubectl prints the error${d.stderrLines.length > 1 ? 's' : ''} and exits with code ${d.exitCode}; ` +
        'a script running it would see the failure.'
    },
    expert: (e) => {
      const d = e.details
      return d.exitCode === 0
        ? 'The apply printer (PrintFlags with the operation "created"/"configured"/"unchanged") writes one line per ' +
          'object to stdout.'
        : `cmdutil.CheckErr renders each error (StandardErrorMessage) to stderr and exits with code ${d.exitCode}.`
    },
    docs: APPLY_DOCS,
    source: (e) => (e.details.exitCode === 0 ? APPLY : 'staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go'),
  },
}

/** The objects a step names: all of a few, the first ones of a long file (a 1,000-pod file is not read out). */
const FEW = 8
function firstFew(names: string[]): string {
  if (names.length <= FEW) return names.join(', ')
  return `${names.slice(0, FEW).join(', ')} and ${names.length - FEW} more`
}
