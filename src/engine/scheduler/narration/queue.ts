/** The scheduling queue's steps: a pod enters it, moves between its parts, and is taken into a cycle. */
import type { NarrationTable } from '../../narration/types.ts'
import { DOCS, EVENT_WHY, SRC, list, plural, podOf, seconds } from './text.ts'

type QueueStep = 'scheduler:Enqueue' | 'scheduler:QueueMove' | 'scheduler:Pop'

export const QUEUE_NARRATION: NarrationTable<QueueStep> = {
  'scheduler:Enqueue': {
    summary: (e) =>
      e.details.queue === 'activeQ'
        ? `activeQ ← ${podOf(e)} (priority ${e.details.priority})`
        : `${e.details.plugin}: ${e.details.message} — held among the unschedulable pods`,
    story: (e) => {
      const d = e.details
      if (d.queue === 'unschedulablePods') {
        return (
          `${podOf(e)} has scheduling gates (spec.schedulingGates: names that some controller must remove before ` +
          `the pod may be scheduled), so the scheduler does not try it yet: ${d.plugin} says "${d.message}". ` +
          'It waits among the unschedulable pods until every gate is removed from the pod.'
        )
      }
      return (
        `The scheduler keeps a local copy of the cluster's pods, updated through a watch (a long-lived request ` +
        `through which the API server pushes changes). It just saw ${podOf(e)}, a new pod with no node yet whose ` +
        `spec.schedulerName (${d.schedulerName}) it is responsible for. The pod joins activeQ, the queue of pods ` +
        `ready ` +
        `to be scheduled, ordered by priority (${d.priority} here) and then by arrival.`
      )
    },
    expert: (e) => {
      const d = e.details
      if (d.queue === 'unschedulablePods') {
        return (
          `SchedulingQueue.Add runs the PreEnqueue plugins; ${d.plugin} returns ${d.status} ("${d.message}"), so ` +
          'the QueuedPodInfo goes to the unschedulablePods pool with its GatingPlugin set instead of activeQ. Only ' +
          'a pod ' +
          'update (UnscheduledPodUpdate) after which PreEnqueue passes moves it; the 5-minute leftover flush skips ' +
          'gated pods, and no scheduling attempt is counted.'
        )
      }
      return (
        `The pod informer's add handler (eventhandlers.go addPodToSchedulingQueue, filtered by responsibleForPod on ` +
        `schedulerName "${d.schedulerName}") calls SchedulingQueue.Add: runPreEnqueuePlugins passes (SchedulingGates ` +
        `finds no gates), so the QueuedPodInfo is pushed onto activeQ, a heap ordered by the QueueSort plugin ` +
        `PrioritySort (spec.priority ${d.priority}, then the queue timestamp).`
      )
    },
    docs: (e) => (e.details.queue === 'activeQ' ? DOCS.queue : DOCS.gates),
    source: (e) => (e.details.queue === 'activeQ' ? SRC.queue : SRC.gates),
  },

  'scheduler:QueueMove': {
    summary: (e) => `${e.details.from} → ${e.details.to}: ${podOf(e)} (${e.details.event})`,
    story: (e) => {
      const d = e.details
      const after =
        d.to === 'backoffQ'
          ? ` to wait out the rest of its backoff (a pause after a failed attempt that grows with each one: ` +
            `${seconds(d.backoffSeconds)} after attempt ${d.attempts})`
          : ' and will be tried again soon'
      if (d.event === 'BackoffComplete') {
        return (
          `${podOf(e)} failed attempt ${d.attempts} and had to wait ${seconds(d.backoffSeconds)} (the backoff: 1 s, ` +
          'doubling with each attempt up to 10 s by default) before another try. That time is over, so it moves from ' +
          'backoffQ to activeQ and will be tried again.'
        )
      }
      if (d.event === 'UnschedulableTimeout') {
        return (
          `${podOf(e)} has waited among the unschedulable pods (the pods no node could take) for more than 5 minutes ` +
          `without any change in the cluster that could help, so the scheduler gives it another try anyway: it ` +
          `moves to ${d.to}${after}.`
        )
      }
      const who = d.hintedBy.length
        ? `${list(d.hintedBy)}, which rejected it last time, registered`
        : 'any event counts for'
      return (
        `${podOf(e)} was waiting among the unschedulable pods, the pods no node could take. Now ` +
        `${EVENT_WHY[d.event]} ` +
        `(cluster event ${d.event}), a kind of change ${who} as one that may make room, so it moves to ${d.to}${after}.`
      )
    },
    expert: (e) => {
      const d = e.details
      if (d.event === 'BackoffComplete') {
        return (
          'flushBackoffQCompleted (run every second) pops each pod whose backoff expiry has passed and adds it to ' +
          `activeQ. The expiry is the last queue timestamp plus calculateBackoffDuration: podInitialBackoffSeconds × ` +
          `2^(attempts−1), capped at podMaxBackoffSeconds (${seconds(d.backoffSeconds)} for ` +
          `${plural(d.attempts, 'attempt')}).`
        )
      }
      const target =
        d.to === 'backoffQ' ? 'backoffQ, since its backoff has not expired' : 'activeQ, its backoff having expired'
      if (d.event === 'UnschedulableTimeout') {
        return (
          'flushUnschedulablePodsLeftover (every 30 s) moves pods that stayed in unschedulablePods longer than ' +
          `podMaxInUnschedulablePodsDuration (5 minutes); requeuePodWithQueueingStrategy puts this one in ${target}.`
        )
      }
      const hint = d.hintedBy.length
        ? `${list(d.hintedBy)} registered ${d.event} in EventsToRegister, so isPodWorthRequeuing returns Queue`
        : 'the pod has no UnschedulablePlugins recorded, so any event requeues it'
      return (
        `The event handler calls MoveAllToActiveOrBackoffQueue(${d.event}); for each unschedulable pod ` +
        `isPodWorthRequeuing checks the queueing hints of the plugins that rejected it: ${hint}. ` +
        `requeuePodWithQueueingStrategy then puts it in ${target}. Simplified: a registered event always counts as ` +
        'Queue (podbirth has no per-event QueueingHintFn).'
      )
    },
    docs: DOCS.queue,
    source: SRC.queue,
  },

  'scheduler:Pop': {
    summary: (e) =>
      `scheduling cycle for ${podOf(e)} (attempt ` +
      `${e.details.attempts}${e.details.fromBackoff ? ', popped from backoffQ' : ''})`,
    story: (e) => {
      const d = e.details
      const from = d.fromBackoff
        ? 'backoffQ: activeQ was empty, so the pod whose waiting time ends first goes now'
        : 'the head of activeQ'
      return (
        `The scheduler takes ${podOf(e)} from ${from}, and starts attempt ${d.attempts}: one scheduling cycle, ` +
        'in which it checks the nodes, scores those that fit and picks one. Cycles run one pod at a time; ' +
        `${d.queue.activeQ} other pod(s) wait in activeQ, ${d.queue.backoffQ} in backoffQ and ` +
        `${d.queue.unschedulablePods} among the unschedulable pods.`
      )
    },
    expert: (e) => {
      const d = e.details
      const how = d.fromBackoff
        ? 'activeQ is empty, so with SchedulerPopFromBackoffQ (on by default in v1.35) it pops the backoffQ head early'
        : 'it pops the activeQ heap head'
      return (
        `ScheduleOne calls NextPod → SchedulingQueue.Pop: ${how}, increments QueuedPodInfo.Attempts to ${d.attempts} ` +
        `and marks the pod in flight (events arriving now are remembered for its requeue). It picks the framework of ` +
        `profile "${d.schedulerName}" and runs schedulingCycle → schedulePod.`
      )
    },
    docs: DOCS.framework,
    source: SRC.scheduleOne,
  },
}
