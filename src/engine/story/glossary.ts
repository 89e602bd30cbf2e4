/**
 * The glossary: the jargon the narration uses (chapters and steps, at both depths), each term with the other
 * spellings it appears under, a definition of two or three sentences in plain words, faithful to Kubernetes v1.35,
 * and a kubernetes.io page. `findTerms` marks where the terms occur in a text, for the views to show the definition
 * on hover and focus; `searchGlossary` filters the glossary page. Pure data and functions: no UI imports.
 */

export interface GlossaryEntry {
  /** The name the glossary lists the entry under; it is also matched in texts. */
  term: string
  /** Other spellings that appear in narration (plurals, code names, inflections), matched like the term. */
  aliases: string[]
  /** Two or three sentences, plain words. */
  definition: string
  /** A kubernetes.io page about the term. */
  docs: string
}

const D = 'https://kubernetes.io/docs/'

/** byTerm sorts entries by term, case-insensitively. */
function byTerm(entries: GlossaryEntry[]): GlossaryEntry[] {
  return entries.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
}

/**
 * Sorted by term so the glossary page reads as a list; `findTerms` does not depend on order. (Marked pure, and the
 * matcher below is built on first use, so a bundle that imports the story module without the glossary, such as the
 * simulation worker, leaves it out.)
 */
export const GLOSSARY: GlossaryEntry[] = /* @__PURE__ */ byTerm([
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
  // The scheduler
  {
    term: 'scheduling queue',
    aliases: ['SchedulingQueue', 'scheduling queues'],
    definition: 'Where the scheduler keeps the pods that still need a node. It has three parts: activeQ (ready to be tried), backoffQ (waiting out a back-off after a failed attempt) and the unschedulable pods (waiting for a cluster change that could help).',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
  },
  {
    term: 'activeQ',
    aliases: ['active queue'],
    definition: 'The part of the scheduling queue holding the pods ready to be tried now, in a heap ordered by the QueueSort plugin: by default by priority, then by the time they were queued. The scheduler always pops its head for the next scheduling cycle.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#queue-sort`,
  },
  {
    term: 'backoffQ',
    aliases: ['backoff queue', 'podBackoffQ'],
    definition: 'The part of the scheduling queue where pods wait out a back-off after a failed scheduling attempt, so that a pod that keeps failing does not hog the scheduler. The back-off starts at 1 second and doubles with each attempt up to 10 seconds by default.',
    docs: `${D}reference/scheduling/config/`,
  },
  {
    term: 'unschedulable pods',
    aliases: ['unschedulablePods', 'unschedulable pod', 'Unschedulable'],
    definition: 'The pods the last scheduling cycle could not place, set aside until a cluster event that one of their rejecting plugins cares about (a node added, a pod deleted, a taint changed) moves them back. A pod left there for 5 minutes is retried anyway.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
  },
  {
    term: 'queueing hint',
    aliases: ['queueing hints', 'QueueingHint', 'QueueingHintFn', 'cluster event', 'cluster events', 'EventsToRegister'],
    definition: 'What a scheduler plugin registers to say which cluster events (a node added, a pod deleted, a taint changed) could make a pod it rejected schedulable. When such an event happens the scheduler moves the pod out of the unschedulable pods to be tried again.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
  },
  {
    term: 'scheduling cycle',
    aliases: ['scheduling cycles', 'schedulingCycle'],
    definition: 'One attempt to find a node for one pod: PreFilter, Filter, PostFilter if nothing fits, PreScore, Score, selecting the best node, Reserve and Permit. Scheduling cycles run one pod at a time, so each decision sees the previous ones.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#scheduling-cycle-binding-cycle`,
  },
  {
    term: 'binding cycle',
    aliases: ['binding cycles', 'bindingCycle'],
    definition: 'The second half of scheduling a pod: PreBind (attach volumes, for example), Bind (write the decision to the API server) and PostBind. It runs in the background, so the scheduler can go on with the next pod\'s scheduling cycle meanwhile.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#scheduling-cycle-binding-cycle`,
  },
  {
    term: 'scheduling framework',
    aliases: ['plugin', 'plugins', 'scheduler plugin', 'scheduler plugins', 'scheduling plugin', 'scheduling plugins', 'extension point', 'extension points', 'PreBind', 'PostBind', 'PreBind plugins', 'PostBind plugins'],
    definition: 'The scheduler\'s plugin architecture: each step of scheduling (QueueSort, PreFilter, Filter, Score, Reserve, Permit, Bind ...) is an extension point, and plugins such as NodeResourcesFit or TaintToleration implement the checks. A profile says which plugins run at each point and with what weight.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
  },
  {
    term: 'scheduler profile',
    aliases: ['profile', 'profiles', 'KubeSchedulerConfiguration'],
    definition: 'A named set of scheduler plugins and their settings, chosen by a pod\'s spec.schedulerName (default-scheduler unless set). Profiles are configured in the KubeSchedulerConfiguration file.',
    docs: `${D}reference/scheduling/config/#multiple-profiles`,
  },
  {
    term: 'Filter plugin',
    aliases: ['Filter plugins', 'PreFilter', 'PreFilter plugin', 'PreFilter plugins', 'feasible nodes', 'feasible node'],
    definition: 'The scheduler step that removes the nodes that cannot run the pod: each Filter plugin checks one thing (free resources, taints, node affinity, ports ...) and a node is out at its first failure. The nodes that pass every filter are called feasible.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#filter`,
  },
  {
    term: 'score',
    aliases: ['scores', 'scoring', 'scored', 'Score plugin', 'Score plugins', 'scoring plugin', 'scoring plugins', 'PreScore', 'NormalizeScore'],
    definition: 'The scheduler step that ranks the feasible nodes. Each scoring plugin gives every node 0 to 100 points, the points are multiplied by the plugin\'s weight and summed, and the highest total wins; a tie is broken at random.',
    docs: `${D}concepts/scheduling-eviction/kube-scheduler/#scoring`,
  },
  {
    term: 'Reserve',
    aliases: ['Reserve plugin', 'Reserve plugins', 'Unreserve', 'assume', 'assumes', 'assumed', 'assumed pod'],
    definition: 'The point where the scheduler counts the pod against its chosen node in its own cache ("assumes" it) before the binding is written, so the next pod\'s cycle already sees the room as taken. Reserve plugins set aside their own resources there and release them (Unreserve) if a later step fails.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#reserve`,
  },
  {
    term: 'Permit',
    aliases: ['Permit plugin', 'Permit plugins', 'WaitOnPermit'],
    definition: 'The last gate of the scheduling cycle: a Permit plugin can approve the pod, refuse it, or make it wait (for example until a whole group of pods can start together). The default profile has no Permit plugins, so pods pass at once.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#permit`,
  },
  {
    term: 'binding',
    aliases: ['bindings', 'Binding object', 'DefaultBinder'],
    definition: 'The scheduler\'s decision written to the API server: a POST of a Binding to the pod\'s binding subresource, which sets spec.nodeName. From then on the pod belongs to that node, whose kubelet is watching for it.',
    docs: `${D}concepts/scheduling-eviction/scheduling-framework/#bind`,
  },
  {
    term: 'node affinity',
    aliases: ['NodeAffinity', 'nodeSelector', 'node selector', 'node selectors', 'affinity', 'affinities'],
    definition: 'Rules on a pod about which nodes it may run on, matched against node labels. A nodeSelector is the simple form; nodeAffinity adds required rules (a hard filter) and preferred ones (extra score).',
    docs: `${D}concepts/scheduling-eviction/assign-pod-node/#node-affinity`,
  },
  {
    term: 'pod anti-affinity',
    aliases: ['anti-affinity', 'pod affinity', 'podAffinity', 'podAntiAffinity', 'inter-pod affinity', 'InterPodAffinity'],
    definition: 'Rules that place a pod near (affinity) or away from (anti-affinity) other pods with given labels, within a topology domain such as a node or a zone. Required rules filter nodes; preferred rules add to their score.',
    docs: `${D}concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity`,
  },
  {
    term: 'topology spread',
    aliases: ['topology spread constraint', 'topology spread constraints', 'topologySpreadConstraints', 'PodTopologySpread', 'spread constraint', 'spread constraints'],
    definition: 'Constraints that spread matching pods evenly across zones, nodes or other topology domains, allowing at most maxSkew pods of difference between domains. With whenUnsatisfiable: DoNotSchedule they filter nodes; with ScheduleAnyway they only affect the score.',
    docs: `${D}concepts/scheduling-eviction/topology-spread-constraints/`,
  },
  {
    term: 'taint',
    aliases: ['taints', 'tainted', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'],
    definition: 'A mark on a node that repels pods: only pods with a matching toleration may be scheduled there. Its effect says how strongly: NoSchedule keeps new pods off, PreferNoSchedule only discourages them, NoExecute also evicts running pods that do not tolerate it.',
    docs: `${D}concepts/scheduling-eviction/taint-and-toleration/`,
  },
  {
    term: 'toleration',
    aliases: ['tolerations', 'tolerate', 'tolerates', 'tolerated', 'TaintToleration', 'tolerationSeconds'],
    definition: 'A pod\'s permission to run on nodes with a matching taint. A toleration allows but does not attract: to steer a pod onto tainted nodes you also need node affinity.',
    docs: `${D}concepts/scheduling-eviction/taint-and-toleration/`,
  },
  {
    term: 'preemption',
    aliases: ['preempt', 'preempts', 'preempted', 'preempting', 'preemptor', 'DefaultPreemption', 'victim', 'victims'],
    definition: 'What the scheduler tries when no node fits a pod: find a node where evicting pods of lower priority would make room. The victims are deleted gracefully and the pod is nominated to that node, to be scheduled there once they are gone.',
    docs: `${D}concepts/scheduling-eviction/pod-priority-preemption/#preemption`,
  },
  {
    term: 'nominated node',
    aliases: ['nominatedNodeName', 'nominated', 'nomination', 'nominate'],
    definition: 'The node a preempting pod is waiting for, recorded in its status.nominatedNodeName while its victims terminate. The scheduler keeps the room for it there, but the pod is not bound until a later cycle actually places it.',
    docs: `${D}concepts/scheduling-eviction/pod-priority-preemption/#user-exposed-information`,
  },
  {
    term: 'allocatable',
    aliases: ['allocatable resources', 'node allocatable'],
    definition: 'What a node offers to pods: its capacity minus what is reserved for the system and the kubelet. The scheduler and the kubelet compare the sum of pod requests with it, not with the machine\'s total.',
    docs: `${D}tasks/administer-cluster/reserve-compute-resources/#node-allocatable`,
  },
  {
    term: 'requests and limits',
    aliases: ['resource requests', 'resource limits', 'limits', 'requests', 'NodeResourcesFit'],
    definition: 'What a container asks for. Requests are what the scheduler reserves for it (a node fits only if its allocatable minus other pods\' requests covers them); limits are the most it may use, enforced by the kernel through cgroups (CPU is throttled, memory over the limit is OOM-killed).',
    docs: `${D}concepts/configuration/manage-resources-containers/`,
  },
  {
    term: 'QoS class',
    aliases: ['QoS', 'qosClass', 'QoS classes', 'Guaranteed', 'Burstable', 'BestEffort', 'quality of service'],
    definition: 'A class the kubelet derives from a pod\'s requests and limits: Guaranteed (every container has equal CPU and memory requests and limits), BestEffort (none at all) or Burstable (anything in between). It decides the pod\'s cgroup and which pods are evicted first when the node runs out of memory.',
    docs: `${D}concepts/workloads/pods/pod-qos/`,
  },
  // The node
  {
    term: 'pod worker',
    aliases: ['pod workers', 'podWorkers'],
    definition: 'The kubelet\'s per-pod goroutine with a queue of its own. Every change to a pod is handed to its worker, which runs one sync of the pod at a time: start it, keep it running, terminate it.',
    docs: `${D}reference/command-line-tools-reference/kubelet/`,
  },
  {
    term: 'status manager',
    aliases: ['statusManager', 'status managers'],
    definition: 'The part of the kubelet that keeps each pod\'s latest status and sends it to the API server as a patch of the status subresource. It is also what finally deletes a terminated pod object.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/`,
  },
  {
    term: 'PLEG',
    aliases: ['pod lifecycle event generator'],
    definition: 'The kubelet\'s pod lifecycle event generator. It notices changes in the container runtime (a container started or exited) by relisting the runtime\'s pods every second, or from the runtime\'s own events, and wakes the pod\'s worker to sync it.',
    docs: `${D}tasks/administer-cluster/switch-to-evented-pleg/`,
  },
  {
    term: 'CRI',
    aliases: ['Container Runtime Interface', 'RuntimeService', 'ImageService', 'CRI plugin'],
    definition: 'The Container Runtime Interface: the gRPC API, over a local socket, through which the kubelet asks a container runtime to run sandboxes and containers and to pull images (RunPodSandbox, CreateContainer, PullImage ...). Any runtime that implements it can run Kubernetes pods.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'container runtime',
    aliases: ['container runtimes', 'runtime', 'runtimes'],
    definition: 'The software on each node that actually runs containers: it pulls images, creates the namespaces and cgroups, and starts and stops processes. The kubelet drives it through the CRI; containerd and CRI-O are the common ones.',
    docs: `${D}setup/production-environment/container-runtimes/`,
  },
  {
    term: 'containerd',
    aliases: ['runc'],
    definition: 'A widely used container runtime; its CRI plugin serves the kubelet\'s requests. It sets up pod sandboxes and their networks through CNI, pulls and unpacks images, and starts containers with a low-level runtime such as runc.',
    docs: `${D}setup/production-environment/container-runtimes/#containerd`,
  },
  {
    term: 'container',
    aliases: ['containers'],
    definition: 'A process (and its children) started from an image, with its own filesystem, isolated from the rest of the node by Linux namespaces and held within limits by cgroups. A pod runs one or more containers that share its network and can share volumes.',
    docs: `${D}concepts/containers/`,
  },
  {
    term: 'container image',
    aliases: ['image', 'images', 'container images'],
    definition: 'The packaged filesystem and settings a container starts from, made of layers and named like nginx:1.27 (a repository and a tag, or a digest). Images are stored in registries and pulled onto a node before a container can use them.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'sandbox',
    aliases: ['sandboxes', 'pod sandbox', 'pod sandboxes', 'PodSandbox', 'RunPodSandbox', 'StopPodSandbox', 'RemovePodSandbox'],
    definition: 'The environment a pod\'s containers share on the node: its Linux namespaces (network, IPC, UTS) and its cgroup, with the pod\'s IP. The runtime creates it first, through the CRI call RunPodSandbox, and tears it down last.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'pause container',
    aliases: ['pause containers', 'pause image', '"pause" container'],
    definition: 'The tiny container (image registry.k8s.io/pause) that the runtime starts first in every pod sandbox. It does nothing but sleep, holding the pod\'s namespaces open so the app containers can join them and restart without losing the pod\'s network.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'network namespace',
    aliases: ['network namespaces', 'netns', 'Linux namespace', 'Linux namespaces'],
    definition: 'A Linux namespace is a private view of one kind of system resource; a network namespace is a private copy of the network stack, with its own interfaces, addresses and routes. All containers of a pod share one, so they share one IP and reach each other on localhost.',
    docs: `${D}concepts/workloads/pods/#pod-networking`,
  },
  {
    term: 'cgroup',
    aliases: ['cgroups', 'control group', 'control groups', 'cgroupParent'],
    definition: 'A Linux control group: the kernel feature that limits and accounts for the CPU, memory and other resources of a group of processes. The kubelet puts each pod in a cgroup under its QoS class, and each container\'s limits become cgroup settings.',
    docs: `${D}concepts/architecture/cgroups/`,
  },
  {
    term: 'CNI',
    aliases: ['Container Network Interface', 'CNI plugin', 'CNI plugins', 'network plugin', 'network plugins', 'CNI ADD', 'CNI DEL'],
    definition: 'The Container Network Interface: a standard for network plugins, programs the runtime runs with ADD when a sandbox is created (to give it an interface and an IP) and with DEL when it is removed. The plugins and their configuration live in /opt/cni/bin and /etc/cni/net.d on each node.',
    docs: `${D}concepts/extend-kubernetes/compute-storage-net/network-plugins/`,
  },
  {
    term: 'bridge',
    aliases: ['bridge plugin', 'Linux bridge', 'cni0'],
    definition: 'A virtual network switch inside the node\'s kernel (often named cni0). The bridge CNI plugin attaches each pod\'s veth pair to it, so pods on the node reach each other and, through it, the rest of the cluster.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'veth pair',
    aliases: ['veth', 'veth pairs', 'virtual cable'],
    definition: 'A pair of linked virtual network interfaces, like two ends of a cable: what goes in one comes out of the other. CNI puts one end inside the pod\'s network namespace (as eth0) and leaves the other on the node, attached to the bridge.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'IPAM',
    aliases: ['IP address management', 'address management', 'host-local'],
    definition: 'IP address management: the part of a CNI setup that hands out pod IPs. The host-local IPAM plugin gives each new sandbox the next free address of the node\'s pod CIDR and remembers the allocation in files on the node.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'pod CIDR',
    aliases: ['pod CIDRs', 'podCIDR', 'podCIDRs', 'pod range', 'range of pod addresses'],
    definition: 'The block of IP addresses reserved for the pods of one node, such as 10.244.2.0/24, recorded in the node\'s spec.podCIDR. Giving each node its own block lets every pod in the cluster have a unique IP without the nodes coordinating.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'pod IP',
    aliases: ['pod IPs', 'podIP', 'podIPs'],
    definition: 'The IP address of a pod, shared by all its containers and reachable from every other pod in the cluster without NAT. It is allocated when the sandbox\'s network is set up and reported in the pod\'s status.podIP.',
    docs: `${D}concepts/services-networking/#the-kubernetes-network-model`,
  },
  {
    term: 'image pull',
    aliases: ['image pulls', 'pull', 'pulls', 'pulled', 'pulling', 'PullImage'],
    definition: 'The download of a container image from its registry onto the node: the runtime resolves the tag to a manifest, then fetches and unpacks the layers it does not have yet. The kubelet asks for it when imagePullPolicy says so and the container cannot start until it is done.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'imagePullPolicy',
    aliases: ['pull policy', 'image pull policy', 'IfNotPresent'],
    definition: 'A container field saying when the kubelet pulls its image: Always (check the registry every time), IfNotPresent (only if it is not on the node yet) or Never. If you leave it out it defaults to Always for the :latest tag or no tag, and to IfNotPresent otherwise.',
    docs: `${D}concepts/containers/images/#image-pull-policy`,
  },
  {
    term: 'image registry',
    aliases: ['registry', 'registries', 'container registry', 'container registries'],
    definition: 'A server that stores container images and serves them over HTTPS, such as docker.io or registry.k8s.io. A private registry needs credentials, given to the kubelet through imagePullSecrets.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'ImagePullBackOff',
    aliases: ['ErrImagePull', 'ImagePullBackOffs'],
    definition: 'The reason a container is shown waiting when its image cannot be pulled. The first failure is ErrImagePull; after that the kubelet retries with a growing delay (10 seconds, doubling up to 5 minutes) and shows ImagePullBackOff in between.',
    docs: `${D}concepts/containers/images/#imagepullbackoff`,
  },
  {
    term: 'init container',
    aliases: ['init containers', 'initContainers'],
    definition: 'A container listed under initContainers that runs to completion, one at a time and in order, before the app containers start. One declared with restartPolicy: Always is a sidecar instead and keeps running.',
    docs: `${D}concepts/workloads/pods/init-containers/`,
  },
  {
    term: 'sidecar container',
    aliases: ['sidecar', 'sidecars', 'sidecar containers'],
    definition: 'A helper container declared as an init container with restartPolicy: Always: it starts before the app containers, keeps running beside them and is stopped after them. Sidecar containers are a stable feature since Kubernetes v1.33.',
    docs: `${D}concepts/workloads/pods/sidecar-containers/`,
  },
  {
    term: 'postStart hook',
    aliases: ['postStart', 'postStart hooks', 'PostStart handler', 'FailedPostStartHook'],
    definition: 'A command or HTTP request the kubelet runs right after a container starts. The container is not counted as running until the hook returns, and if the hook fails the container is killed and restarted according to the restart policy.',
    docs: `${D}concepts/containers/container-lifecycle-hooks/`,
  },
  {
    term: 'preStop hook',
    aliases: ['preStop', 'preStop hooks'],
    definition: 'A command or HTTP request the kubelet runs before it asks a container to stop, for example to drain connections. It counts against the termination grace period: the container gets SIGTERM only after the hook returns, and is killed when the grace period runs out.',
    docs: `${D}concepts/containers/container-lifecycle-hooks/`,
  },
  {
    term: 'probe',
    aliases: ['probes', 'liveness probe', 'liveness probes', 'readiness probe', 'readiness probes', 'startup probe', 'startup probes', 'livenessProbe', 'readinessProbe', 'startupProbe'],
    definition: 'A periodic health check the kubelet runs on a container (a command, an HTTP GET, a TCP or gRPC connection). A failing liveness probe restarts the container, a failing readiness probe takes the pod out of service endpoints, and a startup probe holds the other two until the app has started.',
    docs: `${D}concepts/configuration/liveness-readiness-startup-probes/`,
  },
  {
    term: 'restartPolicy',
    aliases: ['restart policy', 'restart policies'],
    definition: 'The pod field saying what the kubelet does when a container exits: Always (restart it, the default), OnFailure (restart only after a non-zero exit code) or Never. Restarts happen in place, on the same node, with a growing back-off.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#restart-policy`,
  },
  {
    term: 'back-off',
    aliases: ['backoff', 'back-offs', 'backoffs', 'back off'],
    definition: 'A delay that grows after each failure so that something broken does not retry in a tight loop. The kubelet waits 10 seconds, doubling up to 5 minutes, between container restarts and between image pulls; the scheduler backs off failed pods from 1 to 10 seconds.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-restarts`,
  },
  {
    term: 'CrashLoopBackOff',
    aliases: ['crash loop', 'crash loops', 'ErrCrashLoopBackOff'],
    definition: 'The reason a container is shown waiting when it keeps exiting and the kubelet is holding back its next restart. The delay starts at 10 seconds and doubles up to 5 minutes; it resets once the container has run for 10 minutes without trouble.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-restarts`,
  },
  {
    term: 'exit code',
    aliases: ['exit codes', 'exitCode'],
    definition: 'The number a container\'s main process returns when it ends: 0 means success, anything else a failure. 137 means it was killed with SIGKILL (often for running out of memory), 143 that it stopped on SIGTERM.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-state-terminated`,
  },
  {
    term: 'grace period',
    aliases: ['grace periods', 'terminationGracePeriodSeconds', 'deletionGracePeriodSeconds', 'graceful deletion', 'grace'],
    definition: 'The time a pod is given to shut down cleanly once it is deleted, 30 seconds unless terminationGracePeriodSeconds says otherwise. The kubelet runs preStop hooks and sends SIGTERM, and kills whatever is still running when the time is up.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-termination`,
  },
  {
    term: 'SIGTERM',
    aliases: ['SIGKILL', 'signal', 'signals'],
    definition: 'SIGTERM is the polite request to exit that a container\'s main process receives when it is stopped; it can catch it and clean up. SIGKILL, sent when the grace period runs out, cannot be caught: the process ends at once.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-termination`,
  },
  {
    term: 'container garbage collection',
    aliases: ['garbage collection', 'garbage collector', 'container garbage collector', 'ContainerGC'],
    definition: 'The kubelet\'s periodic clean-up of dead containers, sandboxes and unused images on the node. It removes what deleted pods left behind, so they do not fill the disk.',
    docs: `${D}concepts/architecture/garbage-collection/#containers-images`,
  },
  {
    term: 'phase',
    aliases: ['phases', 'pod phase', 'Pending'],
    definition: 'A one-word summary of where a pod is in its life, in status.phase: Pending (accepted, not all containers running yet), Running, Succeeded, Failed or Unknown. It is a summary only; the conditions and container states say more.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-phase`,
  },
  {
    term: 'conditions',
    aliases: ['condition', 'pod condition', 'pod conditions', 'PodScheduled', 'ContainersReady', 'Initialized', 'PodReadyToStartContainers', 'Ready condition', 'DisruptionTarget'],
    definition: 'A pod\'s status.conditions: named true-or-false facts with a reason and the time they last changed, such as PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady and Ready. Ready=True is what lets a pod receive traffic from a Service.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-conditions`,
  },
])

/** A term's id, for anchors and element ids: lower case, letters and digits joined by dashes. */
export function glossaryId(entry: GlossaryEntry): string {
  return `term-${entry.term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
}

/** A found term: the span [start, end) of the text and the entry it names. */
export interface FoundTerm {
  start: number
  end: number
  entry: GlossaryEntry
}

// Word boundaries: a term may not continue a word, a hyphenated name, a path or a dotted identifier, so "watch" is
// not found in "watchdog", "scheduler" not in "kube-scheduler", "registry" not in "/registry/pods", "pause" not in
// "registry.k8s.io/pause:3.10.1". Sentence punctuation after a term is fine: "etcd." at the end of a sentence.
const WORD = '\\p{L}\\p{N}_'
const BEFORE = `(?<![${WORD}\\-/.:=@])`
const AFTER = `(?![${WORD}\\-/])(?![.:=][${WORD}])`

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The key a surface is looked up by: lower case, runs of white space as one space. */
const keyOf = (s: string) => s.toLowerCase().replace(/\s+/g, ' ')

interface Matcher {
  /** Every spelling (term or alias) to its entry, by key. */
  surfaces: Map<string, GlossaryEntry>
  /**
   * One regular expression for all spellings, longest first: at any position the alternation tries the longest
   * spelling first, and the scan goes left to right, so overlapping spellings resolve to the leftmost, then longest
   * ("pause container" before "container"). Spaces in a spelling match any run of white space.
   */
  pattern: RegExp
}
let matcher: Matcher | undefined

/** theMatcher compiles the spellings once, on first use. */
function theMatcher(): Matcher {
  if (matcher) return matcher
  const surfaces = new Map<string, GlossaryEntry>()
  for (const entry of GLOSSARY) {
    for (const s of [entry.term, ...entry.aliases]) if (!surfaces.has(keyOf(s))) surfaces.set(keyOf(s), entry)
  }
  const alternatives = [...surfaces.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((s) => escape(s).replace(/ /g, '\\s+'))
  matcher = { surfaces, pattern: new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'giu') }
  return matcher
}

/**
 * findTerms finds the glossary terms in a text: whole words only, case-insensitive, non-overlapping (leftmost, then
 * longest), and each entry at most once, at its first occurrence, so a text does not turn into a sea of links. A
 * later occurrence of an entry already marked still takes its span: "container" is not marked inside a second
 * "pause container".
 */
export function findTerms(text: string): FoundTerm[] {
  const { surfaces, pattern } = theMatcher()
  const found: FoundTerm[] = []
  const seen = new Set<GlossaryEntry>()
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const entry = surfaces.get(keyOf(m[0]))
    if (entry && !seen.has(entry)) {
      seen.add(entry)
      found.push({ start: m.index, end: m.index + m[0].length, entry })
    }
  }
  return found
}

/**
 * searchGlossary filters the glossary for the glossary page: every word of the query must occur in the entry's term,
 * an alias or its definition (case-insensitive). Entries whose term or an alias matches the whole query come first,
 * then those whose term starts with it, then the rest, each group in glossary order.
 */
export function searchGlossary(query: string, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  const q = keyOf(query.trim())
  if (!q) return [...entries]
  const words = q.split(' ')
  const rank = (e: GlossaryEntry): number => {
    const names = [e.term, ...e.aliases].map(keyOf)
    if (names.includes(q)) return 0
    if (names.some((n) => n.startsWith(q))) return 1
    return 2
  }
  return entries
    .filter((e) => {
      const hay = keyOf(`${e.term} ${e.aliases.join(' ')} ${e.definition}`)
      return words.every((w) => hay.includes(w))
    })
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ e }) => e)
}
