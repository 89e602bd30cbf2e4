/**
 * What the kube-apiserver's handler-chain steps say: request info, authentication, authorization, decoding,
 * defaulting, admission (each plugin's own note, admission/*.ts), validation and the answer.
 */
import type { StepOf } from '../events.ts'
import type { NarrationTable } from '../narration/types.ts'
import type { ApiserverTraceType } from './traceTypes.ts'

const CREATE_HANDLER = 'staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go'
const API_CONCEPTS = 'https://kubernetes.io/docs/reference/using-api/api-concepts/'

/** Where each admission plugin lives upstream (v1.35). */
const ADMISSION_SOURCE: Record<string, string> = {
  NamespaceLifecycle: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go',
  LimitRanger: 'plugin/pkg/admission/limitranger/admission.go',
  ServiceAccount: 'plugin/pkg/admission/serviceaccount/admission.go',
  PodSecurity: 'plugin/pkg/admission/security/podsecurity/admission.go',
  Priority: 'plugin/pkg/admission/priority/admission.go',
  DefaultTolerationSeconds: 'plugin/pkg/admission/defaulttolerationseconds/admission.go',
  MutatingAdmissionPolicy: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/mutating/plugin.go',
  MutatingAdmissionWebhook: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/mutating/plugin.go',
  ValidatingAdmissionPolicy: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/validating/plugin.go',
  ValidatingAdmissionWebhook: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/validating/plugin.go',
  ResourceQuota: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/admission.go',
}

/** What each plugin's upstream code does, in one clause, for the expert depth. */
const ADMISSION_CODE: Record<string, string> = {
  NamespaceLifecycle: 'Lifecycle.Admit looks the namespace up in its informer (and live, if missing) and refuses ' +
    'creates in a namespace that is absent or Terminating',
  LimitRanger: 'LimitRanger.Admit applies each LimitRange of type Container (mergeContainerResources, annotation ' +
    'kubernetes.io/limit-ranger); Validate enforces min and max',
  ServiceAccount: 'Plugin.Admit defaults spec.serviceAccountName to "default", checks the ServiceAccount exists and ' +
    'mounts the projected kube-api-access-<suffix> volume (token, kube-root-ca.crt, namespace)',
  PodSecurity: 'the pod-security-admission Validate reads the namespace\'s pod-security.kubernetes.io labels and ' +
    'runs the checks of the enforce, audit and warn levels',
  Priority: 'Plugin.Admit resolves spec.priorityClassName (or the globalDefault class) into spec.priority and ' +
    'spec.preemptionPolicy',
  DefaultTolerationSeconds: 'Plugin.Admit adds NoExecute tolerations for node.kubernetes.io/not-ready and ' +
    'unreachable with tolerationSeconds 300 unless the pod already has them',
  MutatingAdmissionPolicy: 'the CEL-based mutating policy plugin matches MutatingAdmissionPolicyBindings against the ' +
    'request',
  MutatingAdmissionWebhook: 'the mutating webhook dispatcher calls each matching MutatingWebhookConfiguration in order',
  ValidatingAdmissionPolicy: 'the CEL-based validating policy plugin evaluates ValidatingAdmissionPolicyBindings',
  ValidatingAdmissionWebhook: 'the validating webhook dispatcher calls matching ValidatingWebhookConfigurations in ' +
    'parallel',
  ResourceQuota: 'QuotaAdmission.Validate evaluates the pod\'s usage against every quota of the namespace and, if ' +
    'it fits, the quota evaluator writes the new status.used before admitting',
}

const resourceOf = (i: { resource: string; subresource: string; path: string }) =>
  `${i.resource || i.path}${i.subresource ? `/${i.subresource}` : ''}`

/** addedSpecFields lists the spec fields defaulting filled in, from the object before and after. */
function addedSpecFields(e: StepOf<'apiserver:Default'>): string[] {
  const spec = (o: unknown): object => {
    const s = typeof o === 'object' && o !== null && 'spec' in o ? o.spec : undefined
    return typeof s === 'object' && s !== null ? s : {}
  }
  const before = Object.keys(spec(e.details.before))
  return Object.keys(spec(e.details.after)).filter((k) => !before.includes(k))
}

function admitSummary(e: StepOf<'apiserver:Admit'>): string {
  const d = e.details
  return `${d.phase} admission ${d.plugin}: ${d.error ? `rejected: ${d.error.message}` : d.note}`
}

export const APISERVER_NARRATION: NarrationTable<ApiserverTraceType> = {
  'apiserver:RequestInfo': {
    summary: (e) => {
      const i = e.details.requestInfo
      return `${i.verb} ${resourceOf(i)}${i.namespace ? ` in namespace ${i.namespace}` : ''}`
    },
    story: (e) => {
      const i = e.details.requestInfo
      return `The request reaches the kube-apiserver's secure port. Its first filter works out from the URL and the ` +
        `method what the request is about: verb "${i.verb}" on "${resourceOf(i)}"${i.apiGroup
          ? ` in API group ${i.apiGroup}` : ' in the core API group'}${i.namespace ? `, namespace ` +
            `"${i.namespace}"` : ''}` +
        '. Every later check (who is asking, may they do it) is phrased in these terms.'
    },
    expert: (e) => {
      const i = e.details.requestInfo
      return `WithRequestInfo runs RequestInfoFactory.NewRequestInfo on ${i.path}: isResourceRequest ` +
        `${i.isResourceRequest}, ` +
        `apiVersion "${i.apiVersion}", name "${i.name}". Then come authentication, audit, impersonation, ` +
        'API Priority and Fairness and authorization, in that order.'
    },
    docs: 'https://kubernetes.io/docs/concepts/security/controlling-access/',
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go',
  },
  'apiserver:Authenticate': {
    summary: (e) => (e.details.error
      ? `authentication failed: ${e.details.error} → 401`
      : `authenticated as "${e.details.user?.username}" (${e.details.authenticator})`),
    story: (e) => {
      const d = e.details
      if (d.error) {
        return `The request carries credentials that no authenticator accepts (${d.steps.join('; ')}), so it is ` +
          'turned away with 401 Unauthorized before anyone asks what it wants to do.'
      }
      return `Authentication works out who is asking: each authenticator in turn looks at the credentials, and the ` +
        `first that recognises them wins. ${d.steps[d.steps.length - 1] ?? ''}. The request runs as ` +
        `"${d.user?.username}", member of [${d.user?.groups.join(', ')}].`
    },
    expert: (e) => `WithAuthentication calls the union authenticator (x509 request header, token file, ` +
      `service-account JWT, then anonymous): ${e.details.steps.join('; ')}.${e.details.error
        ? ' An authenticator that errors fails the request: responsewriters.Unauthorized (401).'
        : ' The user.Info goes into the request context; the Authorization header is removed.'}`,
    docs: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/',
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/filters/authentication.go',
  },
  'apiserver:Authorize': {
    summary: (e) => (e.details.decision === 'Allow' ? `authorized: ${e.details.reason}` : `forbidden: ` +
      `${e.details.message}`),
    story: (e) => {
      const d = e.details
      const what = `${d.verb} ${d.resource}${d.subresource ? `/${d.subresource}` : ''}`
      if (d.decision === 'Allow') {
        return `Authorization asks whether "${d.user}" may ` +
          `${what}${d.namespace ? ` in namespace "${d.namespace}"` : ''}. ` +
          `The authorizers (${d.modes.join(', ')}) are asked in order and the first clear answer counts: ${d.reason}.`
      }
      return `No authorizer allows "${d.user}" to ${what}${d.namespace ? ` in namespace "${d.namespace}"` : ''}. ` +
        'RBAC (role-based access control) only ever grants, so without a Role or ClusterRole bound to this user or ' +
        'one of its groups the answer is 403 Forbidden.'
    },
    expert: (e) => `WithAuthorization builds authorizer.Attributes from the RequestInfo and calls the union of ` +
      `--authorization-mode=${e.details.modes.join(',')}: ${e.details.steps.join('; ')}. Decision ` +
      `${e.details.decision}` +
      `${e.details.decision === 'Allow' ? '.' : '; responsewriters.Forbidden writes the 403.'}`,
    docs: (e) => (e.details.decision === 'Allow'
      ? 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/'
      : 'https://kubernetes.io/docs/reference/access-authn-authz/authorization/'),
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/filters/authorization.go',
  },
  'apiserver:Decode': {
    summary: (e) => (e.details.errors.length
      ? `strict decoding failed: ${e.details.errors.join(', ')}`
      : `decoded ${e.details.kind} ${e.details.apiVersion}`),
    story: (e) => {
      const d = e.details
      if (d.typeError) {
        return `A value in the body has the wrong JSON type for its field (${d.errors[0]}), so it cannot be turned ` +
          `into a ${d.kind} at all: 400 Bad Request.`
      }
      if (d.errors.length) {
        return `The body has fields the ${d.kind} schema does not know (${d.errors.join(', ')}). With ` +
          `fieldValidation=${d.fieldValidation} ${d.fieldValidation === 'Strict'
            ? 'the request is refused with 400 Bad Request instead of the fields being silently dropped.'
            : 'they are dropped and reported back as warnings.'}`
      }
      return `The JSON body is decoded into the ${d.kind} type${d.fieldValidation === 'Strict'
        ? ', with strict field validation: a field the schema does not know would have been an error' : ''}.`
    },
    expert: (e) => `createHandler reads the body and decodes it with the negotiated serializer; fieldValidation=` +
      `${e.details.fieldValidation} selects the strict decoder, whose unknown and duplicate fields become ` +
      `${e.details.fieldValidation === 'Strict' ? 'a BadRequest error' : 'Warning headers'}` +
      `${e.details.errors.length ? ` (${e.details.errors.length} found)` : ''}.`,
    docs: `${API_CONCEPTS}#field-validation`,
    source: CREATE_HANDLER,
  },
  'apiserver:Default': {
    summary: (e) => `applied ${e.details.kind} defaults`,
    story: (e) => {
      const added = addedSpecFields(e)
      return `Defaulting fills in what the manifest left out, the same way for everyone${added.length
        ? `: this ${e.details.kind} gains ${added.join(', ')} in its ` +
          `spec` : ''}. Nothing later has to guess a missing ` +
        'value.'
    },
    expert: (e) => `The decoder runs the scheme's defaulting funcs (SetObjectDefaults_${e.details.kind}: ` +
      'SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container...) on the decoded object before admission.',
    docs: API_CONCEPTS,
    source: (e) => (e.details.kind === 'Pod' ? 'pkg/apis/core/v1/defaults.go' : CREATE_HANDLER),
  },
  'apiserver:Admit': {
    summary: admitSummary,
    story: (e) => {
      const d = e.details
      const role = d.phase === 'mutating'
        ? 'Mutating admission plugins may change the object before it is stored.'
        : 'Validating admission plugins may only accept or refuse the final object.'
      const verdict = d.error
        ? ` It refuses the request: ${d.error.message}`
        : d.warnings?.length ? ` The client gets a warning: ${d.warnings.join('; ')}` : ''
      return `${role} ${d.plugin} ${d.acted ? 'looks at this request' : 'has nothing to do here'}: ${d.note}${verdict}`
    },
    expert: (e) => {
      const d = e.details
      const code = ADMISSION_CODE[d.plugin] ?? `${d.plugin} runs its ${d.phase === 'mutating' ? 'Admit' : 'Validate'}`
      const extras = [
        d.annotations ? `annotations ${Object.keys(d.annotations).join(', ')}` : '',
        d.writes?.length ? `writes ${d.writes.join(', ')}` : '',
        d.error ? `error ${d.error.reason ?? ''} ${d.error.code ?? ''}`.trimEnd() : '',
      ].filter(Boolean)
      return `The admission chain runs every ${d.phase === 'mutating' ? 'mutating Admit' : 'Validate'} in plugin ` +
        `order. ${code}.${extras.length ? ` Result: ${extras.join('; ')}.` : ''}`
    },
    docs: (e) => e.details.docs,
    source: (e) => ADMISSION_SOURCE[e.details.plugin] ?? 'staging/src/k8s.io/apiserver/pkg/admission/chain.go',
  },
  'apiserver:Validate': {
    summary: (e) => {
      const d = e.details
      return d.errors.length
        ? `invalid: ${d.errors.map((x) => `${x.field}: ${x.message}`).join(', ')}`
        : `valid; uid ${d.uid}${d.generated ? `, name ${d.name} generated` : ''}`
    },
    story: (e) => {
      const d = e.details
      if (d.errors.length) {
        return `The ${d.kind} breaks ${d.errors.length === 1 ? 'a rule' : `${d.errors.length} rules`} of the API ` +
          `(${d.errors.map((x) => x.field).join(', ')}), so the answer is 422 Unprocessable Entity listing every ` +
          'problem. Nothing is stored.'
      }
      return `The ${d.kind} gets its permanent identity, uid ${d.uid}${d.generated
        ? `, and its name ${d.name}, made from generateName plus five random characters` : ''}, and passes the API's ` +
        'rules for names, images, resources and allowed values.'
    },
    expert: (e) => `rest.BeforeCreate: PrepareForCreate (status reset), GenerateName, FillObjectMetaSystemFields ` +
      `(uid, creationTimestamp), then the strategy's Validate (ValidatePodCreate for pods): ${e.details.errors.length
        ? `${e.details.errors.length} field error(s) → errors.NewInvalid (422)` : 'no field errors'}.`,
    docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
    source: 'staging/src/k8s.io/apiserver/pkg/registry/rest/create.go',
  },
  'apiserver:Respond': {
    summary: (e) => `${e.details.code} Created ${e.details.kind} ${e.details.name} (resourceVersion ` +
      `${e.details.resourceVersion})`,
    story: (e) => `The ${e.details.kind} is safely stored. The API server answers 201 Created with the stored object ` +
      `(resourceVersion ${e.details.resourceVersion}); meanwhile its watch cache tells every watcher about it` +
      `${e.details.kind === 'Pod' ? ', the scheduler first of all' : ''}.`,
    expert: (e) => `createHandler's finisher returns the object read back from etcd (uid ${e.details.uid}); ` +
      'transformResponseObject and WriteObjectNegotiated write it with status 201.',
    docs: API_CONCEPTS,
    source: CREATE_HANDLER,
  },
}
