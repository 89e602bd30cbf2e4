/**
 * The chapters' catalogue: for each kind of chapter its stage, its title, and what it says at both depths. A
 * chapter's narration is a frame (what this part of Kubernetes is for) followed by what the trace says happened in
 * this chapter: the facts come from its steps, never from a script.
 */
import type { TraceEvent, TraceType } from '../events.ts'
import type { Depth } from '../narration/types.ts'
import type { Chapter, ChapterKind, StageId } from './types.ts'

type Facts = (steps: readonly TraceEvent[], ch: Chapter) => string

interface ChapterEntry {
  stage: StageId
  title: string
  story: string
  expert: string
  facts: Facts
  docs: string
  /** Upstream path in kubernetes/kubernetes (or a kubectl path, marked by its repository). */
  source: string
}

const D = 'https://kubernetes.io/docs/'
/** The summaries of the chapter's beats of some types, joined: what the trace says. */
const said = (...types: TraceType[]): Facts => (steps) => {
  const lines = steps.filter((e) => types.length === 0 || types.includes(e.type)).map((e) => e.summary.replace(/[.\s]+$/, ''))
  const u = unique(lines)
  return u.length ? `Here: ${u.slice(0, 4).join('; ')}${u.length > 4 ? `; and ${u.length - 4} more` : ''}.` : ''
}
const unique = (xs: string[]) => [...new Set(xs)]

/** An admission chapter names the plugins that acted (or refused) rather than repeating each one's account. */
const admitted: Facts = (steps) => {
  const acted: string[] = []
  for (const e of steps) {
    if (e.type !== 'apiserver:Admit') continue
    // A refusal is told where the chapter ends (tellChapter).
    if (e.outcome !== 'error' && (e.details.acted || e.outcome === 'warning')) acted.push(e.details.plugin)
  }
  return acted.length ? `Here ${acted.join(', ')} ${acted.length === 1 ? 'acts' : 'act'} on the pod; the others have nothing to do.`
    : 'Here no plugin has anything to do.'
}

export const CHAPTERS: Record<ChapterKind, ChapterEntry> = {
  manifest: {
    stage: 1, title: 'kubectl reads the manifest',
    story: 'Everything starts on your machine: kubectl reads the YAML file and turns each document into an object it understands. Nothing has been sent to the cluster yet.',
    expert: 'kubectl\'s resource builder (cli-runtime) reads the file, splits the YAML documents and decodes each into an unstructured object; apiVersion and kind select the REST mapping from discovery.',
    facts: said('kubectl:Read', 'kubectl:Decode'), docs: `${D}reference/kubectl/generated/kubectl_apply/`,
    source: 'staging/src/k8s.io/cli-runtime/pkg/resource/builder.go',
  },
  'client-checks': {
    stage: 2, title: 'kubectl checks the object',
    story: 'Before sending anything, kubectl checks what it can on its own side.',
    expert: 'kubectl apply validates client-side only what needs no server; field validation itself is asked of the server (fieldValidation=Strict).',
    facts: said('kubectl:Validate'), docs: `${D}reference/kubectl/generated/kubectl_apply/`,
    source: 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go',
  },
  credentials: {
    stage: 2, title: 'kubectl picks its credentials',
    story: 'kubectl looks in your kubeconfig file for the cluster to talk to and who you are: a client certificate or a token that the API server will check.',
    expert: 'clientcmd merges the kubeconfig, takes current-context (or --user / --context) and builds a rest.Config with the cluster CA and the user\'s client certificate or bearer token.',
    facts: said('kubectl:Kubeconfig'), docs: `${D}concepts/configuration/organize-cluster-access-kubeconfig/`,
    source: 'staging/src/k8s.io/client-go/tools/clientcmd/client_config.go',
  },
  request: {
    stage: 2, title: 'kubectl sends the request',
    story: 'kubectl apply first asks the API server whether the object already exists. "404 Not Found" is the normal answer for a new pod: it means "create it", so kubectl sends the whole pod in a POST, with a copy of your manifest in an annotation for the next apply to compare against.',
    expert: 'apply.go GETs the live object; on NotFound it creates it (POST) with the kubectl.kubernetes.io/last-applied-configuration annotation and fieldManager=kubectl-client-side-apply.',
    facts: said('kubectl:BuildRequest', 'http:Request', 'http:Response'), docs: `${D}tasks/manage-kubernetes-objects/declarative-config/`,
    source: 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go',
  },
  authentication: {
    stage: 3, title: 'Authentication: who is asking?',
    story: 'The API server is the cluster\'s front door. The first thing it does with any request is find out who sent it, from the client certificate or the token.',
    expert: 'The handler chain\'s WithAuthentication filter asks the union of authenticators (x509, static token, service-account JWT) in order; the first that recognises the credentials sets user.Info.',
    facts: said('apiserver:Authenticate'), docs: `${D}reference/access-authn-authz/authentication/`,
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/filters/authentication.go',
  },
  authorization: {
    stage: 3, title: 'Authorization: may they do this?',
    story: 'Knowing who is asking, the API server checks whether that user may do this: RBAC looks for a role, bound to the user or one of their groups, that allows this verb on this resource.',
    expert: 'WithAuthorization asks the authorizers of --authorization-mode (Node, RBAC) in order; the first Allow or Deny decides, and RBAC only ever allows.',
    facts: said('apiserver:Authorize', 'http:Response'), docs: `${D}reference/access-authn-authz/rbac/`,
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/filters/authorization.go',
  },
  decode: {
    stage: 3, title: 'Decode and defaults',
    story: 'The API server reads the body into a Pod object, refusing any field it does not know, and fills in every default you left out.',
    expert: 'The create handler decodes with strict field validation, then the scheme\'s defaulting functions (SetDefaults_Pod, SetDefaults_Container ...) fill restartPolicy, dnsPolicy, imagePullPolicy and more.',
    facts: said('apiserver:Decode', 'apiserver:Default'), docs: `${D}reference/using-api/api-concepts/#field-validation`,
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go',
  },
  'mutating-admission': {
    stage: 3, title: 'Mutating admission',
    story: 'Admission plugins are the cluster\'s gatekeepers. The mutating ones may change the pod before it is stored: give it a service account, default resources, a priority.',
    expert: 'The admission chain calls Admit on each enabled mutating plugin in order (NamespaceLifecycle, LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds, the policy and webhook stages); the first error stops the request.',
    facts: admitted, docs: `${D}reference/access-authn-authz/admission-controllers/`,
    source: 'staging/src/k8s.io/apiserver/pkg/admission/chain.go',
  },
  validation: {
    stage: 3, title: 'Validation',
    story: 'The API server checks the pod against the API\'s rules (names, images, resources, allowed values) and gives it its identity: a uid and a creation time.',
    expert: 'The registry\'s BeforeCreate runs the pod strategy (PrepareForCreate, Validate → ValidatePodCreate); field errors answer 422 Unprocessable Entity.',
    facts: said('apiserver:Validate'), docs: `${D}concepts/overview/working-with-objects/names/`,
    source: 'pkg/registry/core/pod/strategy.go',
  },
  'validating-admission': {
    stage: 3, title: 'Validating admission',
    story: 'The validating admission plugins look at the final pod and may still say no: a quota that would be exceeded, a pod that breaks the namespace\'s security level.',
    expert: 'The chain calls Validate on each validating plugin (LimitRanger, PodSecurity, ValidatingAdmissionPolicy, webhooks, ResourceQuota last); ResourceQuota charges the usage before the write.',
    facts: admitted, docs: `${D}reference/access-authn-authz/admission-controllers/`,
    source: 'staging/src/k8s.io/apiserver/pkg/admission/chain.go',
  },
  persist: {
    stage: 3, title: 'The write to etcd',
    story: 'The pod passed every check, so the API server stores it in etcd, the database that holds every object of the cluster. etcd gives the write a revision number, which becomes the pod\'s resourceVersion, and kubectl is told the pod was created.',
    expert: 'The generic registry Store.Create writes /registry/pods/<ns>/<name> in an etcd transaction that requires the key to be absent (mod_revision = 0); the revision becomes metadata.resourceVersion and the response is 201 Created.',
    facts: said('etcd:Txn', 'apiserver:Respond', 'kubectl:Output', 'http:Response'), docs: `${D}reference/using-api/api-concepts/#resource-versions`,
    source: 'staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go',
  },
  watch: {
    stage: 3, title: 'The watch fan-out',
    story: 'Nobody polls the API server: the scheduler and the kubelets keep a watch open, and the API server pushes each change to whoever asked for it. The scheduler hears about the new pod at once.',
    expert: 'The watch cache (cacher) receives the etcd event and dispatches it to every watcher whose selectors match: the scheduler\'s informer watches pods with spec.nodeName="" for its queue.',
    facts: said('watch:Notify'), docs: `${D}reference/using-api/api-concepts/#efficient-detection-of-changes`,
    source: 'staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go',
  },
  controller: {
    stage: 3, title: 'The controllers',
    story: 'A Deployment or a ReplicaSet is a wish, not a pod. kube-controller-manager watches them and works to make the wish true: the deployment controller creates and scales ReplicaSets, the replicaset controller creates the pods from the template, and the garbage collector removes what a deleted owner left behind. Each does it through the API server, like any client.',
    expert: 'kube-controller-manager runs each controller as an informer-fed work queue: DeploymentController.syncDeployment (sync.go, rolling.go), ReplicaSetController.syncReplicaSet → manageReplicas (slowStartBatch), the GarbageCollector\'s dependency graph. With --use-service-account-credentials each acts as its own service account (system:serviceaccount:kube-system:<name>-controller).',
    facts: said('kcm:DeploymentSync', 'kcm:ReplicaSetSync', 'kcm:GarbageCollect'), docs: `${D}concepts/architecture/controller/`,
    source: 'pkg/controller/replicaset/replica_set.go',
  },
  queue: {
    stage: 4, title: 'The scheduling queue',
    story: 'The scheduler keeps waiting pods in a queue sorted by priority. It takes the next pod out and starts a scheduling cycle: finding it a node.',
    expert: 'The informer\'s add handler puts the pod in activeQ (PrioritySort orders it); scheduleOne pops it and runs the scheduling cycle for its profile.',
    facts: said('scheduler:Enqueue', 'scheduler:QueueMove', 'scheduler:Pop'), docs: `${D}concepts/scheduling-eviction/kube-scheduler/`,
    source: 'pkg/scheduler/backend/queue/scheduling_queue.go',
  },
  filter: {
    stage: 4, title: 'Filter: which nodes can take it?',
    story: 'Each node is checked against the pod\'s needs: enough free CPU and memory, no taint it does not tolerate, the labels it asks for. Nodes that fail any check are out.',
    expert: 'findNodesThatFitPod runs PreFilter once, then each Filter plugin per node (stopping at a node\'s first failure) until numFeasibleNodesToFind nodes fit, starting at the round-robin index.',
    facts: said('scheduler:Filter'), docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
    source: 'pkg/scheduler/schedule_one.go',
  },
  score: {
    stage: 4, title: 'Score: which node is best?',
    story: 'The nodes that can take the pod are ranked: each scoring plugin gives every node points (more free resources, the image already there ...) and the points are weighted and added up.',
    expert: 'prioritizeNodes runs PreScore, then each Score plugin with NormalizeScore to 0–100, multiplies by the plugin\'s weight and sums per node. With one feasible node, scoring is skipped.',
    facts: said('scheduler:Score'), docs: `${D}concepts/scheduling-eviction/kube-scheduler/#scoring`,
    source: 'pkg/scheduler/schedule_one.go',
  },
  select: {
    stage: 4, title: 'Select the node',
    story: 'The node with the highest total wins; a tie is broken at random (here by the seed, so the story repeats).',
    expert: 'selectHost keeps the top scores and picks among equal ones with reservoir sampling.',
    facts: said('scheduler:Select'), docs: `${D}concepts/scheduling-eviction/kube-scheduler/`,
    source: 'pkg/scheduler/schedule_one.go',
  },
  reserve: {
    stage: 4, title: 'Reserve and Permit',
    story: 'The scheduler counts the pod against the chosen node in its own memory right away, so the next pod does not get the same room, and checks that nothing needs to wait before binding.',
    expert: 'assume() adds the pod to the cache as if bound; Reserve and Permit plugins run (none in the default profile act) before the binding cycle goes asynchronous.',
    facts: said('scheduler:Reserve', 'scheduler:Permit'), docs: `${D}concepts/scheduling-eviction/scheduling-framework/`,
    source: 'pkg/scheduler/schedule_one.go',
  },
  bind: {
    stage: 4, title: 'Bind: the pod is given its node',
    story: 'The scheduler does not start anything itself: it writes its decision into the API server (the binding), which sets the pod\'s node. That write is what the chosen node\'s kubelet is watching for.',
    expert: 'bindingCycle runs PreBind, then DefaultBinder POSTs pods/<name>/binding; the registry sets spec.nodeName and PodScheduled=True; PostBind runs and the Scheduled event is recorded.',
    facts: said('scheduler:Bind', 'http:Request', 'watch:Notify'), docs: `${D}concepts/scheduling-eviction/kube-scheduler/`,
    source: 'pkg/scheduler/framework/plugins/defaultbinder/default_binder.go',
  },
  'scheduler-config': {
    stage: 4, title: 'kube-scheduler refuses its configuration',
    story: 'kube-scheduler reads its KubeSchedulerConfiguration when it starts. This one is invalid, so the scheduler stops before it schedules anything: every pod that needs a node stays Pending until the configuration is fixed.',
    expert: 'Setup decodes the file strictly and validates it (ValidateKubeSchedulerConfiguration: profiles, plugin names and extension points, plugin args); an error ends the process with the message shown, so no scheduling queue or informer runs.',
    facts: said('scheduler:Unschedulable'), docs: `${D}reference/scheduling/config/`,
    source: 'pkg/scheduler/apis/config/validation/validation.go',
  },
  unschedulable: {
    stage: 4, title: 'No node fits: FailedScheduling',
    story: 'No node passed the checks, so the pod stays Pending. The scheduler records why, per node, and puts the pod aside until something in the cluster changes that could help, or its back-off ends.',
    expert: 'The FitError message counts the Filter verdicts; handleSchedulingFailure records FailedScheduling, sets PodScheduled=False (Unschedulable) and moves the pod to the unschedulable pods (or backoffQ), to be requeued by the events its rejecting plugins registered.',
    facts: said('scheduler:Unschedulable', 'event:Record'), docs: `${D}concepts/scheduling-eviction/kube-scheduler/`,
    source: 'pkg/scheduler/schedule_one.go',
  },
  preemption: {
    stage: 4, title: 'Preemption: can evicting others help?',
    story: 'When no node fits, the scheduler asks whether removing lower-priority pods from some node would make room. If so, those pods are evicted and the node is kept for this pod.',
    expert: 'RunPostFilterPlugins calls DefaultPreemption: it finds candidates with SelectVictimsOnNode, picks one node (pickOneNodeForPreemption), sets status.nominatedNodeName and deletes the victims with a DisruptionTarget condition.',
    facts: said('scheduler:PostFilter', 'scheduler:Preempt'), docs: `${D}concepts/scheduling-eviction/pod-priority-preemption/`,
    source: 'pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go',
  },
  'kubelet-sync': {
    stage: 5, title: 'The kubelet takes the pod',
    story: 'On the chosen node, the kubelet (the node\'s agent) sees that a pod is now assigned to it. It checks the node really has room, then starts working the pod towards running.',
    expert: 'The kubelet\'s pod config source (a watch on spec.nodeName=<node>) delivers the pod; HandlePodAdditions runs canAdmitPod (the predicate admit handler) and a pod worker calls SyncPod.',
    facts: said('kubelet:PodObserved', 'kubelet:Admit', 'kubelet:SyncPod', 'kubelet:Reject'), docs: `${D}concepts/architecture/nodes/`,
    source: 'pkg/kubelet/kubelet.go',
  },
  sandbox: {
    stage: 5, title: 'The sandbox and its pause container',
    story: 'The container runtime first creates the pod\'s sandbox: a small "pause" container that does nothing but hold the pod\'s network namespace, so every container of the pod shares one IP.',
    expert: 'kuberuntime\'s SyncPod calls the CRI RuntimeService.RunPodSandbox; containerd starts the pause image and calls the CNI plugin for the sandbox\'s network namespace.',
    facts: said('cri:RunPodSandbox'), docs: `${D}concepts/containers/cri/`,
    source: 'pkg/kubelet/kuberuntime/kuberuntime_sandbox.go',
  },
  network: {
    stage: 5, title: 'CNI: the pod gets its IP',
    story: 'The network plugin wires the sandbox to the node: a virtual cable (a veth pair) from the pod to the node\'s bridge, and an IP address from the node\'s range of pod addresses.',
    expert: 'The runtime calls the CNI plugin chain with ADD: the bridge plugin creates the veth pair on cni0 and host-local IPAM allocates the next free address of the node\'s podCIDR.',
    facts: said('cni:ADD'), docs: `${D}concepts/cluster-administration/networking/`,
    source: 'pkg/kubelet/kuberuntime/kuberuntime_sandbox.go',
  },
  image: {
    stage: 5, title: 'The image',
    story: 'Before a container can start, its image must be on the node. The kubelet asks the runtime whether it is already there and pulls it from the registry if needed; a failed pull is retried after a growing pause.',
    expert: 'The image manager (EnsureImageExists) applies imagePullPolicy: ImageStatus, then PullImage if absent; failures give ErrImagePull and then ImagePullBackOff with a back-off of 10 s doubling to 5 min.',
    facts: said('cri:ImageStatus', 'cri:PullImage', 'kubelet:Backoff'), docs: `${D}concepts/containers/images/`,
    source: 'pkg/kubelet/images/image_manager.go',
  },
  containers: {
    stage: 5, title: 'Create and start the containers',
    story: 'The runtime creates each container inside the sandbox and starts its process.',
    expert: 'startContainer calls CRI CreateContainer (with the sandbox config, mounts, env) then StartContainer; init containers run to completion first, one at a time.',
    facts: said('cri:CreateContainer', 'cri:StartContainer'), docs: `${D}concepts/workloads/pods/pod-lifecycle/`,
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go',
  },
  hooks: {
    stage: 5, title: 'The postStart hook',
    story: 'A postStart hook runs right after a container starts; the kubelet waits for it before it counts the container as started. If it fails, the container is killed.',
    expert: 'startContainer runs the PostStart handler (exec through the runtime or an HTTP GET) synchronously; a failure records FailedPostStartHook and kills the container.',
    facts: said('kubelet:PostStartHook', 'cri:ExecSync'), docs: `${D}concepts/containers/container-lifecycle-hooks/`,
    source: 'pkg/kubelet/lifecycle/handlers.go',
  },
  probes: {
    stage: 5, title: 'Probes: started, ready, alive',
    story: 'The kubelet checks each container the way its probes say: a startup probe until the app has started, then a readiness probe that decides whether the pod gets traffic (Ready) and a liveness probe that restarts a container that stopped answering.',
    expert: 'prober_manager.go runs a worker per container and probe type (worker.go doProbe every periodSeconds); the results manager feeds UpdatePodStatus (Started, Ready) and computePodActions, which kills a container whose liveness or startup result is Failure.',
    facts: said('prober:Probe'), docs: `${D}concepts/configuration/liveness-readiness-startup-probes/`,
    source: 'pkg/kubelet/prober/worker.go',
  },
  status: {
    stage: 5, title: 'Status: Running and Ready',
    story: 'The kubelet reports what it sees back to the API server: the phase, the pod IP, each container\'s state, and the conditions that say when the pod is ready for traffic.',
    expert: 'The status manager writes generateAPIPodStatus (getPhase, the PodScheduled/Initialized/ContainersReady/Ready conditions) with a PATCH to pods/<name>/status.',
    facts: said('kubelet:StatusUpdate'), docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-conditions`,
    source: 'pkg/kubelet/status/status_manager.go',
  },
  restart: {
    stage: 5, title: 'Restart with back-off',
    story: 'A container stopped with an error. Under restartPolicy Always the kubelet starts it again, but waits longer after each crash (CrashLoopBackOff) so a broken container does not spin.',
    expert: 'computePodActions marks the container to restart; the container back-off (10 s doubling to 5 min) makes SyncPod return CrashLoopBackOff until it expires.',
    facts: said('kubelet:Backoff', 'kubelet:StatusUpdate'), docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-restarts`,
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go',
  },
  termination: {
    stage: 5, title: 'Termination',
    story: 'The pod is being removed: the kubelet runs any preStop hook, asks each container to stop, waits up to the grace period, then tears down the sandbox and its network and tells the API server it is gone.',
    expert: 'SyncTerminatingPod kills containers (preStop, StopContainer with the grace period), StopPodSandbox (CNI DEL), then the status manager deletes the pod with grace 0 and a UID precondition.',
    facts: said(), docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-termination`,
    source: 'pkg/kubelet/kubelet.go',
  },
}

/** A word or two for each kind of chapter, for the chapter bar (its full title is its accessible name). */
export const SHORT: Record<ChapterKind, string> = {
  manifest: 'Read', 'client-checks': 'Checks', credentials: 'Credentials', request: 'Request',
  authentication: 'Authn', authorization: 'Authz', decode: 'Decode', 'mutating-admission': 'Mutate',
  validation: 'Validate', 'validating-admission': 'Admit', persist: 'etcd', watch: 'Watch', controller: 'Controller',
  queue: 'Queue', filter: 'Filter', score: 'Score', select: 'Select', reserve: 'Reserve', bind: 'Bind',
  'scheduler-config': 'Config', unschedulable: 'Failed', preemption: 'Preempt',
  'kubelet-sync': 'Sync', sandbox: 'Sandbox', network: 'CNI', image: 'Image', containers: 'Start', hooks: 'Hook',
  probes: 'Probe', status: 'Status', restart: 'Restart', termination: 'Stop',
}

/** stageOf is the stage a kind of chapter belongs to. */
export function stageOf(kind: ChapterKind): StageId {
  return CHAPTERS[kind].stage
}

/** chapterTitle names a chapter, with its occurrence when it repeats (attempt 2, a second image pull ...). */
export function chapterTitle(ch: Chapter): string {
  const t = CHAPTERS[ch.kind].title
  return ch.occurrence > 1 ? `${t} (${ch.occurrence})` : t
}

/** tellChapter narrates a chapter at a depth: the frame, then what its steps say. */
export function tellChapter(ch: Chapter, events: readonly TraceEvent[], depth: Depth): { title: string; text: string; docs: string; source: string } {
  const entry = CHAPTERS[ch.kind]
  const steps = ch.beats.map((i) => events[i])
  const failure = ch.decidedBy !== undefined && ch.outcome === 'error' ? ` It ends here: ${events[ch.decidedBy].summary}.` : ''
  const facts = entry.facts(steps, ch)
  return { title: chapterTitle(ch), text: `${depth === 'story' ? entry.story : entry.expert}${facts ? ` ${facts}` : ''}${failure}`, docs: entry.docs, source: entry.source }
}
