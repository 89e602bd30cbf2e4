/**
 * Glossary entries of the control plane: the components and the client, credentials and access, the API server's
 * pipeline, storage and change notification.
 */
import { D, type GlossaryEntry } from './types.ts'

/** The components, kubectl and the API server's side of the story. */
export const CONTROL_PLANE_TERMS: GlossaryEntry[] = [
  // The components and the client
  {
    term: 'kube-apiserver',
    aliases: ['API server', 'API servers', 'apiserver', 'api-server'],
    definition: 'The front door of the cluster: every component and every user reads and writes cluster state through its HTTPS API, and nothing else talks to etcd. It authenticates and authorizes each request, runs admission, validates and stores objects, and pushes changes to watchers.',
    docs: `${D}concepts/overview/components/#kube-apiserver`,
  },
  {
    term: 'etcd',
    aliases: [],
    definition: 'The consistent, replicated key-value store in which the API server keeps every object of the cluster, under keys such as /registry/pods/<namespace>/<name>. Only the API server talks to it; every write gets a new revision number.',
    docs: `${D}concepts/overview/components/#etcd`,
  },
  {
    term: 'kubelet',
    aliases: ['kubelets'],
    definition: 'The agent that runs on every node. It watches for pods bound to its node, asks the container runtime to create their sandboxes and containers, runs their hooks and probes, and reports their status back to the API server.',
    docs: `${D}reference/command-line-tools-reference/kubelet/`,
  },
  {
    term: 'kube-scheduler',
    aliases: ['scheduler', 'schedulers', 'default-scheduler'],
    definition: 'The control-plane component that picks a node for every pod that has none. For each pod it filters out the nodes that cannot run it, scores the rest, and records its choice by binding the pod to the winner; it never starts anything itself.',
    docs: `${D}concepts/scheduling-eviction/kube-scheduler/`,
  },
  {
    term: 'kubectl',
    aliases: [],
    definition: 'The command-line client for the Kubernetes API. It reads your manifests and kubeconfig and turns commands such as kubectl apply into HTTPS requests to the API server.',
    docs: `${D}reference/kubectl/`,
  },
  {
    term: 'control plane',
    aliases: ['control-plane'],
    definition: 'The components that hold and act on the cluster\'s desired state: the API server, etcd, the scheduler and the controller manager. In a kubeadm cluster they run as static pods on control-plane nodes, which carry a taint so ordinary pods stay off them.',
    docs: `${D}concepts/overview/components/#control-plane-components`,
  },
  {
    term: 'client-side apply',
    aliases: ['kubectl apply', 'apply', 'last-applied-configuration', 'last-applied annotation'],
    definition: 'What kubectl apply does by default: it GETs the live object, creates it if the answer is 404, and otherwise sends a patch computed from your file, the live object and the previous file. It keeps the previous file in the kubectl.kubernetes.io/last-applied-configuration annotation for that comparison.',
    docs: `${D}tasks/manage-kubernetes-objects/declarative-config/`,
  },
  {
    term: 'manifest',
    aliases: ['manifests', 'YAML manifest'],
    definition: 'A file (YAML or JSON) describing one or more Kubernetes objects as you want them to be. kubectl sends it to the API server, which stores it as the object\'s desired state.',
    docs: `${D}concepts/overview/working-with-objects/`,
  },
  {
    term: 'API group',
    aliases: ['API groups', 'core API group'],
    definition: 'A family of related resources served under one path and versioned together, such as apps/v1 or scheduling.k8s.io/v1. Pods, nodes and events of v1 belong to the core group, served under /api/v1.',
    docs: `${D}concepts/overview/kubernetes-api/#api-groups-and-versioning`,
  },
  // Credentials and access
  {
    term: 'kubeconfig',
    aliases: ['kubeconfig file', 'kubeconfigs', 'current-context'],
    definition: 'The file (by default ~/.kube/config) that tells kubectl which clusters exist, which credentials to present, and which pair of them, the current context, to use. Its users hold a client certificate, a token or a command that fetches one.',
    docs: `${D}concepts/configuration/organize-cluster-access-kubeconfig/`,
  },
  {
    term: 'client certificate',
    aliases: ['client certificates', 'x509', 'X.509 certificate', 'certificate'],
    definition: 'A TLS certificate that the client presents during the handshake to prove who it is. The API server trusts it if the cluster CA signed it, and then reads the user name from its Common Name (CN) and the groups from its Organization (O) fields.',
    docs: `${D}reference/access-authn-authz/authentication/#x509-client-certificates`,
  },
  {
    term: 'bearer token',
    aliases: ['bearer tokens', 'token', 'tokens', 'static token', 'Authorization header'],
    definition: 'A secret string sent in the HTTP Authorization header ("Bearer <token>") instead of a client certificate. The API server accepts it if an authenticator recognises it, such as a service-account JWT it signed or a token from a configured file or webhook.',
    docs: `${D}reference/access-authn-authz/authentication/#putting-a-bearer-token-in-a-request`,
  },
  {
    term: 'cluster CA',
    aliases: ['client CA', 'certificate authority', 'CA'],
    definition: 'The certificate authority whose key signs the cluster\'s certificates. Clients use it to check that they are talking to the real API server, and the API server uses it to check client certificates.',
    docs: `${D}tasks/tls/managing-tls-in-a-cluster/`,
  },
  {
    term: 'TLS',
    aliases: ['TLS handshake', 'HTTPS'],
    definition: 'The encryption that protects every connection to the API server. During the handshake the server proves its identity with its certificate and, with mutual TLS, the client may prove its own with a client certificate.',
    docs: `${D}concepts/security/controlling-access/#transport-security`,
  },
  {
    term: 'service account',
    aliases: ['service accounts', 'ServiceAccount', 'ServiceAccounts', 'serviceAccountName', 'service-account'],
    definition: 'An identity for software running in pods, as opposed to a person. Every namespace has one named default; the ServiceAccount admission plugin assigns it to pods that name none and mounts a short-lived, automatically rotated token that the pod can present to the API server.',
    docs: `${D}concepts/security/service-accounts/`,
  },
  {
    term: 'authentication',
    aliases: ['authenticate', 'authenticates', 'authenticated', 'authenticator', 'authenticators', 'authn'],
    definition: 'The API server\'s first check on every request: who is asking? Each configured authenticator (client certificates, tokens, service-account tokens) looks at the credentials in turn, and the first that recognises them sets the user name and groups; credentials nobody accepts get 401 Unauthorized.',
    docs: `${D}reference/access-authn-authz/authentication/`,
  },
  {
    term: 'authorization',
    aliases: ['authorize', 'authorizes', 'authorized', 'authorizer', 'authorizers', 'authz'],
    definition: 'The check after authentication: may this user do this verb on this resource? The authorizers named in --authorization-mode (typically Node, then RBAC) are asked in order, the first Allow or Deny decides, and if none allows the answer is 403 Forbidden.',
    docs: `${D}reference/access-authn-authz/authorization/`,
  },
  {
    term: 'RBAC',
    aliases: ['role-based access control'],
    definition: 'Role-based access control, the usual authorizer. Roles list what may be done (verbs on resources) and RoleBindings grant a role to users, groups or service accounts; it only ever allows, so anything not granted is refused.',
    docs: `${D}reference/access-authn-authz/rbac/`,
  },
  {
    term: 'Role',
    aliases: ['Roles', 'ClusterRole', 'ClusterRoles'],
    definition: 'A list of permissions for RBAC: which verbs (get, list, create ...) are allowed on which resources. A Role applies within one namespace; a ClusterRole applies cluster-wide or can be reused by bindings in many namespaces.',
    docs: `${D}reference/access-authn-authz/rbac/#role-and-clusterrole`,
  },
  {
    term: 'RoleBinding',
    aliases: ['RoleBindings', 'ClusterRoleBinding', 'ClusterRoleBindings'],
    definition: 'The RBAC object that grants the permissions of a Role or ClusterRole to subjects: users, groups or service accounts. A RoleBinding grants them in its own namespace, a ClusterRoleBinding everywhere.',
    docs: `${D}reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding`,
  },
  {
    term: 'handler chain',
    aliases: ['filter chain', 'first filter', 'WithAuthentication filter', 'WithAuthorization filter'],
    definition: 'The sequence of filters every request passes through inside the API server before it reaches the code for its resource: request info, authentication, audit, impersonation, API Priority and Fairness, authorization. Any filter can end the request with an error.',
    docs: `${D}concepts/security/controlling-access/`,
  },
  {
    term: 'API Priority and Fairness',
    aliases: ['APF', 'priority and fairness'],
    definition: 'The API server\'s protection against overload. It sorts incoming requests into priority levels with FlowSchemas and queues them fairly, so one noisy client cannot starve the others.',
    docs: `${D}concepts/cluster-administration/flow-control/`,
  },
  {
    term: 'namespace',
    // Not the plural: "the container's namespaces" in the node's narration are Linux namespaces.
    aliases: [],
    definition: 'A named scope that groups objects inside one cluster: names must be unique within a namespace, and quotas, limits, RBAC roles and Pod Security levels apply per namespace. Objects applied without one go to the namespace default.',
    docs: `${D}concepts/overview/working-with-objects/namespaces/`,
  },
  // The API server's pipeline
  {
    term: 'defaulting',
    aliases: ['defaults', 'defaulted', 'defaulting functions', 'defaulting funcs', 'default values'],
    definition: 'The step in which the API server fills in every field the manifest left out, the same way for everyone: restartPolicy Always, terminationGracePeriodSeconds 30, imagePullPolicy, dnsPolicy and more. It runs when the request body is decoded, before admission.',
    docs: `${D}reference/using-api/api-concepts/`,
  },
  {
    term: 'validation',
    aliases: ['validate', 'validates', 'validated', 'field validation', 'strict field validation'],
    definition: 'The API server\'s check that an object follows the API\'s rules: valid names, images, resource quantities, allowed values and combinations. Any violation answers 422 Unprocessable Entity with the list of field errors; unknown fields can also be refused, under strict field validation.',
    docs: `${D}reference/using-api/api-concepts/#field-validation`,
  },
  {
    term: 'admission plugin',
    aliases: ['admission plugins', 'admission controller', 'admission controllers', 'admission chain', 'admission', 'plugin order', 'policy plugin'],
    definition: 'Code in the API server that sees every create, update or delete after authorization and before the object is stored. Plugins such as NamespaceLifecycle, LimitRanger, ServiceAccount, PodSecurity and ResourceQuota may change the object (mutating) or refuse it (validating).',
    docs: `${D}reference/access-authn-authz/admission-controllers/`,
  },
  {
    term: 'mutating admission',
    aliases: ['mutating admission plugin', 'mutating admission plugins', 'mutating plugin', 'mutating plugins'],
    definition: 'The first admission phase, in which plugins and webhooks may change the object before it is stored: set its service account, add default resources or tolerations, resolve its priority. They run one after another, and the first error ends the request.',
    docs: `${D}reference/access-authn-authz/admission-controllers/`,
  },
  {
    term: 'validating admission',
    aliases: ['validating admission plugin', 'validating admission plugins', 'validating plugin', 'validating plugins'],
    definition: 'The last admission phase, after validation: plugins, policies and webhooks look at the final object and may only accept or refuse it. ResourceQuota runs last, so usage is charged only for requests that nothing else refused.',
    docs: `${D}reference/access-authn-authz/admission-controllers/`,
  },
  {
    term: 'webhook',
    aliases: ['webhooks', 'admission webhook', 'admission webhooks', 'MutatingAdmissionWebhook', 'ValidatingAdmissionWebhook', 'mutating webhook', 'validating webhook'],
    definition: 'An admission check that runs outside the API server: it POSTs the object to an HTTPS service you configure with a MutatingWebhookConfiguration or ValidatingWebhookConfiguration. Mutating webhooks may change the object; validating ones only accept or refuse it.',
    docs: `${D}reference/access-authn-authz/extensible-admission-controllers/`,
  },
  {
    term: 'LimitRange',
    aliases: ['LimitRanges', 'LimitRanger', 'limit range'],
    definition: 'A per-namespace policy giving containers default resource requests and limits, and minimum and maximum values. The LimitRanger admission plugin fills in the defaults on the pod and refuses pods outside the bounds.',
    docs: `${D}concepts/policy/limit-range/`,
  },
  {
    term: 'ResourceQuota',
    aliases: ['ResourceQuotas', 'quota', 'quotas', 'resource quota'],
    definition: 'A per-namespace cap on the total a namespace may use: pods, CPU and memory requests and limits, object counts. The ResourceQuota admission plugin refuses a pod that would exceed it (403 Forbidden, exceeded quota) and records the new usage before the pod is stored.',
    docs: `${D}concepts/policy/resource-quotas/`,
  },
  {
    term: 'PodSecurity',
    aliases: ['Pod Security', 'Pod Security admission', 'Pod Security Standards'],
    definition: 'The built-in admission plugin that enforces the Pod Security Standards (privileged, baseline, restricted) chosen per namespace with pod-security.kubernetes.io labels. Each namespace can enforce a level (refuse), audit it or warn about it.',
    docs: `${D}concepts/security/pod-security-admission/`,
  },
  {
    term: 'PriorityClass',
    aliases: ['PriorityClasses', 'priorityClassName', 'priority class', 'priority', 'priorities', 'lower-priority', 'higher-priority'],
    definition: 'A cluster-wide object mapping a name to a priority number. The Priority admission plugin copies the number of the pod\'s priorityClassName (or of the global default class, else 0) into spec.priority; the scheduler queues higher priorities first and may preempt lower ones.',
    docs: `${D}concepts/scheduling-eviction/pod-priority-preemption/#priorityclass`,
  },
  {
    term: 'uid',
    aliases: ['uids'],
    definition: 'The unique identifier the API server gives every object when it is created, never reused. Two pods with the same name at different times have different uids, which is how a delete can be made to apply only to the pod it was meant for.',
    docs: `${D}concepts/overview/working-with-objects/names/#uids`,
  },
  {
    term: 'label',
    aliases: ['labels'],
    definition: 'A key/value pair attached to an object, such as app: web or kubernetes.io/hostname: worker-1, for grouping and selecting objects. Services, affinities, spread constraints and node selectors all pick objects by their labels.',
    docs: `${D}concepts/overview/working-with-objects/labels/`,
  },
  {
    term: 'selector',
    aliases: ['selectors', 'label selector', 'label selectors', 'labelSelector', 'field selector', 'field selectors', 'fieldSelector'],
    definition: 'A filter that picks objects: a label selector by their labels (app=web), a field selector by field values (spec.nodeName=worker-1). The API server applies them to lists and watches, so the kubelet, for example, watches only the pods bound to its own node.',
    docs: `${D}concepts/overview/working-with-objects/field-selectors/`,
  },
  // Storage and change notification
  {
    term: 'resourceVersion',
    aliases: ['resource version', 'resourceVersions', 'resource versions'],
    definition: 'A version string on every object that changes on every write; in practice it is the etcd revision of the object\'s last change. Clients must treat it as opaque: they send it back to update safely (optimistic concurrency) or to resume a watch from that point.',
    docs: `${D}reference/using-api/api-concepts/#resource-versions`,
  },
  {
    term: 'etcd revision',
    aliases: ['revision', 'revisions', 'mod_revision', 'ModRevision', 'revision number'],
    definition: 'A counter that etcd increases by one on every write, across the whole store. Each key remembers the revision of its last change (mod_revision); the API server reports it as the object\'s resourceVersion.',
    docs: `${D}reference/using-api/api-concepts/#resource-versions`,
  },
  {
    term: 'optimistic concurrency',
    aliases: ['optimistic concurrency control', 'on the condition that', 'precondition', 'preconditions', 'transaction', 'transactions', 'Txn', 'Conflict', '409 Conflict'],
    definition: 'How Kubernetes keeps concurrent writers from overwriting each other without locks: a write says which version it expects, and it fails with 409 Conflict if the object has changed since. In etcd this is a transaction that compares a key\'s revision before it writes.',
    docs: `${D}reference/using-api/api-concepts/#resource-versions`,
  },
  {
    term: 'watch',
    aliases: ['watches', 'watched', 'watching', 'watcher', 'watchers', 'watch event', 'watch events', 'watch notification', 'watch notifications'],
    definition: 'A long-lived API request through which the API server pushes every change (ADDED, MODIFIED, DELETED) to a set of objects as it happens. Components watch instead of polling; a watch can resume from a resourceVersion after a disconnect.',
    docs: `${D}reference/using-api/api-concepts/#efficient-detection-of-changes`,
  },
  {
    term: 'watch cache',
    aliases: ['cacher', 'etcd event', 'etcd events'],
    definition: 'The API server\'s in-memory copy of each resource, kept current by a single watch on etcd. It serves lists and watches without touching etcd and fans each change out to every watcher whose selectors match.',
    docs: `${D}reference/using-api/api-concepts/#efficient-detection-of-changes`,
  },
  {
    term: 'informer',
    aliases: ['informers', 'shared informer', 'shared informers'],
    definition: 'The client-side machinery (from client-go) that lists a resource once, then watches it, and keeps a local, always current cache of the objects. Controllers, the scheduler and the kubelet read that cache and react to its add, update and delete events instead of asking the API server again.',
    docs: `${D}reference/using-api/api-concepts/#efficient-detection-of-changes`,
  },
  {
    term: 'Event',
    aliases: ['Events'],
    definition: 'An API object that records something notable that happened to another object, with a type (Normal or Warning), a reason such as Scheduled or FailedScheduling, and a message. Components create them for people to read; kubectl describe lists them, and they expire after an hour by default.',
    docs: `${D}reference/kubernetes-api/cluster-resources/event-v1/`,
  },
  {
    term: 'strategic merge patch',
    aliases: ['strategic-merge PATCH', 'strategic-merge', 'strategic merge patches'],
    definition: 'A PATCH format that knows the Kubernetes types: lists such as containers or conditions are merged by a key (the name, the type) instead of replaced. The kubelet reports pod status with one, sending only what changed.',
    docs: `${D}tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/`,
  },
]
