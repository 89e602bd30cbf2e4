/**
 * Glossary entries of scheduling: the scheduling queue, the framework's cycles and extension points, placement rules
 * (affinity, spread, taints and tolerations), preemption, and what a pod asks of a node (requests, QoS).
 */
import { D, type GlossaryEntry } from './types.ts'

/** The scheduler's side of the story. */
export const SCHEDULING_TERMS: GlossaryEntry[] = [
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
]
