/** When no node fits: PostFilter (preemption), the FailedScheduling and its retry, and the eviction of victims. */
import type { NarrationTable } from '../../narration/types.ts'
import { DOCS, EVENT_WHY, SRC, list, plural, podOf, seconds } from './text.ts'

type FailureStep = 'scheduler:PostFilter' | 'scheduler:Unschedulable' | 'scheduler:Preempt'

/** Why DefaultPreemption found nothing, from its (upstream, exact) message. */
function whyNoPreemption(message: string): string {
  if (message.includes('Preemption is not helpful')) {
    return (
      'no node failed for a reason that removing pods could fix (a taint the pod does not tolerate, a node ' +
      'selector that does not match, or a pod bigger than the whole node stay so however many pods leave)'
    )
  }
  if (message.includes('No preemption victims found')) return 'the nodes that could help run no pod of lower priority'
  if (message.includes('preemptionPolicy=Never')) return 'the pod sets preemptionPolicy: Never'
  if (message.includes('terminating pod'))
    return 'pods on its nominated node are still terminating from an earlier preemption'
  return 'no set of lower-priority pods would make room'
}

export const FAILURE_NARRATION: NarrationTable<FailureStep> = {
  'scheduler:PostFilter': {
    summary: (e) =>
      `PostFilter: ` +
      `${e.details.postFilter.map((p) => `${p.plugin} ${p.status}${p.message ? `: ${p.message}` : ''}`).join('; ')}`,
    story: (e) => {
      const pf = e.details.postFilter
      const nominated = pf.find((p) => p.nominatedNodeName)?.nominatedNodeName
      const base =
        `No node can take ${podOf(e)}, so the scheduler considers preemption: removing pods of lower priority ` +
        'to make room.'
      if (nominated) {
        return (
          `${base} On ${nominated} that works, so the pod is nominated to run there once the pods chosen to leave ` +
          '(the victims) are gone.'
        )
      }
      const dp = pf.find((p) => p.plugin === 'DefaultPreemption')
      return dp?.message
        ? `${base} It does not help here: ${whyNoPreemption(dp.message)}.`
        : `${base} Nothing comes of it.`
    },
    expert: (e) => {
      const pf = e.details.postFilter
      const nominated = pf.find((p) => p.nominatedNodeName)?.nominatedNodeName
      return (
        `The FitError path of schedulingCycle calls RunPostFilterPlugins ` +
        `(${pf.map((p) => `${p.plugin} ${p.status}`).join(', ')}). ` +
        'DefaultPreemption.PostFilter → Evaluator.Preempt: PodEligibleToPreemptOthers, then findCandidates over the ' +
        'nodes ' +
        'whose status is Unschedulable (not UnschedulableAndUnresolvable), from a random offset, up to max(10%, 100) ' +
        `candidates of ${e.details.numAllNodes}; DryRunPreemption runs SelectVictimsOnNode on each. ` +
        (nominated
          ? `SelectCandidate (pickOneNodeForPreemption) chose ${nominated}, returned as the nominated node.`
          : 'With no candidate its message is appended to the FitError.')
      )
    },
    docs: DOCS.preemption,
    source: SRC.defaultPreemption,
  },

  'scheduler:Unschedulable': {
    summary: (e) =>
      e.details.phase === 'startup' ? `kube-scheduler failed to start: ${e.details.error}` : e.details.message,
    story: (e) => {
      const d = e.details
      if (d.phase === 'startup') {
        return (
          `kube-scheduler cannot start: its configuration (a KubeSchedulerConfiguration) is invalid: ${d.error}. ` +
          'Until it is fixed no pod in the cluster gets a node.'
        )
      }
      const pod = podOf(e)
      let s =
        d.reason === 'Unschedulable'
          ? `No node can take ${pod} right now. The scheduler says why in a Warning event, FailedScheduling, and in ` +
            `the ` +
            `pod's PodScheduled condition: "${d.message}" It counts, per reason, the nodes that failed that check ` +
            `first` +
            (d.message.includes('preemption:')
              ? "; the part after 'preemption:' says whether evicting pods would help."
              : '.')
          : `Scheduling ${pod} failed with an error rather than a lack of ` +
            `room${d.phase === 'binding' ? ', during the binding' : ''}: "${d.message}"`
      if (d.nominatedNodeName)
        s += ` Preemption nominated ${d.nominatedNodeName}: the pod waits there for its victims to leave.`
      const events = [...new Set(d.hints.flatMap((h) => h.events))]
      if (d.queue === 'unschedulablePods') {
        const shown = events
          .slice(0, 4)
          .map((ev) => EVENT_WHY[ev])
          .join('; ')
        s +=
          ' The pod now waits among the unschedulable pods until the cluster changes in a way that could help ' +
          `(${events.length ? `${shown}${events.length > 4 ? '; ...' : ''}` : 'any change'}), or 5 minutes at most.`
      } else if (d.queue === 'backoffQ') {
        s +=
          ` It goes to backoffQ and is tried again after a backoff of ${seconds(d.backoffSeconds)} (attempt ` +
          `${d.attempts}${d.unschedulablePlugins.length ? '; something that could help happened meanwhile' : ''}).`
      } else s += ' The pod is gone or already bound, so it is not queued again.'
      return s
    },
    expert: (e) => {
      const d = e.details
      if (d.phase === 'startup') {
        return (
          'The configuration is decoded, defaulted and checked (ValidateKubeSchedulerConfiguration, then the ' +
          `profiles are built); the error "${d.error}" ends start-up before any informer or queue runs.`
        )
      }
      const hints = d.hints.map((h) => `${h.plugin}: ${h.events.join('/') || 'no events'}`).join('; ')
      const where =
        d.queue === 'backoffQ'
          ? 'backoffQ (no rejecting plugin, or an event its rejectors registered arrived while it was in flight)'
          : d.queue
      return (
        (d.phase === 'binding' ? 'bindingCycle failed: Unreserve and ForgetPod, then ' : '') +
        'handleSchedulingFailure ' +
        `(reason ${d.reason}): AddUnschedulableIfNotPresent puts the pod in ${where} with UnschedulablePlugins ` +
        `{${d.unschedulablePlugins.join(', ')}}${hints ? `; queueing hints ${hints}` : ''}. Backoff after ` +
        `${plural(d.attempts, 'attempt')}: ${seconds(d.backoffSeconds)}. It records the FailedScheduling event and ` +
        `updatePod patches PodScheduled=False (reason ${d.reason})` +
        `${d.nominatedNodeName ? ` and status.nominatedNodeName=${d.nominatedNodeName}` : ''}.`
      )
    },
    docs: (e) => (e.details.phase === 'startup' ? DOCS.config : DOCS.scheduler),
    source: (e) => (e.details.phase === 'startup' ? SRC.validation : SRC.scheduleOne),
  },

  'scheduler:Preempt': {
    summary: (e) => `preempting ${e.details.victims.map((v) => v.pod).join(', ')} on ${e.details.node}`,
    story: (e) => {
      const d = e.details
      return (
        `To make room for ${podOf(e)} (priority ${d.preemptorPriority}) on ${d.node}, the scheduler evicts ` +
        `${list(d.victims.map((v) => `${v.pod} (priority ${v.priority})`))}: pods of lower priority, and no more ` +
        'than needed. Each victim is first marked with a DisruptionTarget condition, then deleted with its normal ' +
        'grace ' +
        `period. ${podOf(e)} is nominated to ${d.node} and waits until they are gone.`
      )
    },
    expert: (e) => {
      const d = e.details
      return (
        `Evaluator.Preempt chose ${d.node}: SelectVictimsOnNode removed every pod of priority below ` +
        `${d.preemptorPriority}, checked the pod fits, then reprieved pods from the most important down while it ` +
        `still ` +
        `fit, leaving ${plural(d.victims.length, 'victim')}. prepareCandidate patches each victim with ` +
        `DisruptionTarget ` +
        '(reason PreemptionByScheduler), deletes it, emits Preempted, and clears the nomination of lower-priority ' +
        'pods ' +
        `nominated to ${d.node}. Simplified: no PodDisruptionBudgets.`
      )
    },
    docs: DOCS.preemption,
    source: SRC.preemption,
  },
}
