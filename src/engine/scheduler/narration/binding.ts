/** From the chosen node to the binding: Reserve and Permit end the scheduling cycle, the binding cycle follows. */
import type { NarrationTable } from '../../narration/types.ts'
import type { ExtensionPointDetails } from '../traceTypes.ts'
import { DOCS, SRC, list, nameOf, podOf } from './text.ts'

type BindingStep =
  'scheduler:Reserve' | 'scheduler:Permit' | 'scheduler:PreBind' | 'scheduler:Bind' | 'scheduler:PostBind'

/** The failure, when a plugin of the extension point failed. */
const failure = (d: ExtensionPointDetails): string =>
  d.status === 'Success'
    ? ''
    : ` ${d.failedPlugin ?? 'A plugin'} returned ${d.status}${d.message ? `: ${d.message}` : ''}.`

export const BINDING_NARRATION: NarrationTable<BindingStep> = {
  'scheduler:Reserve': {
    summary: (e) => {
      const plugins = e.details.plugins
      return `Reserve on ${e.details.node}${plugins.length ? `: ${plugins.join(', ')}` : ': no Reserve plugins to run'}`
    },
    story: (e) => {
      const d = e.details
      return (
        `Reserve is where plugins set aside what ${podOf(e)} needs on ${d.node} (volumes, devices) before the ` +
        'binding, so no other decision can take it. ' +
        (d.plugins.length
          ? `${list(d.plugins)} ${d.plugins.length === 1 ? 'runs' : 'run'}.`
          : 'This profile has no Reserve plugins to run.') +
        (d.status === 'Success' ? '' : `${failure(d)} The reservation is undone and the pod goes back to the queue.`)
      )
    },
    expert: (e) =>
      `schedulingCycle → RunReservePluginsReserve on ${e.details.node} (${list(e.details.plugins) || 'no plugins'}).` +
      `${failure(e.details)} On failure RunReservePluginsUnreserve runs in reverse order and the cache forgets the ` +
      `assumed pod.`,
    docs: DOCS.framework,
    source: SRC.runtime,
  },

  'scheduler:Permit': {
    summary: (e) =>
      `Permit: ${e.details.plugins.length ? e.details.plugins.join(', ') : 'allowed (no Permit plugins)'}`,
    story: (e) => {
      const d = e.details
      return (
        'Permit is the last gate of the scheduling cycle: a plugin can approve the pod, refuse it, or hold it (for ' +
        'example until a whole group of pods can start together). ' +
        (d.plugins.length
          ? `${list(d.plugins)} decided: ${d.status}.`
          : 'No Permit plugin is configured, so the pod is allowed at once.') +
        (d.status === 'Success'
          ? ' The binding cycle takes over from here, on its own, while the scheduler moves on to the next pod.'
          : failure(d))
      )
    },
    expert: (e) =>
      `RunPermitPlugins (${list(e.details.plugins) || 'none configured'}): status ${e.details.status}; a Wait ` +
      'would park the pod among the waiting pods until Allow, Reject or its timeout. schedulingCycle returns, the ' +
      'queue ' +
      'marks the pod Done, and ScheduleOne starts bindingCycle in its own goroutine.',
    docs: DOCS.framework,
    source: SRC.runtime,
  },

  'scheduler:PreBind': {
    summary: (e) => `PreBind${e.details.plugins.length ? '' : ': nothing to do'}`,
    story: (e) => {
      const d = e.details
      return (
        'The binding cycle starts. PreBind plugins first do work that must be finished before the pod is tied ' +
        `to ${d.node}, such as provisioning volumes. ` +
        (d.plugins.length
          ? `${list(d.plugins)} ${d.plugins.length === 1 ? 'runs' : 'run'}.`
          : 'Nothing needs doing for this pod.') +
        failure(d)
      )
    },
    expert: (e) =>
      `bindingCycle: WaitOnPermit returns at once, then RunPreBindPlugins on ${e.details.node} ` +
      `(${list(e.details.plugins) || 'none configured'}): ${e.details.status}.${failure(e.details)}`,
    docs: DOCS.binding,
    source: SRC.runtime,
  },

  'scheduler:Bind': {
    summary: (e) =>
      e.details.result === 'bound'
        ? `${e.details.plugin}: bound ${podOf(e)} to ${e.details.node}`
        : `binding rejected: ${e.details.message}`,
    story: (e) => {
      const d = e.details
      if (d.result === 'rejected') {
        return (
          `The API server refused to bind ${podOf(e)} to ${d.node}: ${d.message}. The scheduler forgets that it ` +
          'placed the pod there and puts it back in the queue, to try again after a backoff.'
        )
      }
      return (
        `The binding went through: the API server accepted a Binding (a small object that says "pod ${nameOf(e)} ` +
        `goes to node ${d.node}"), which sets the pod's spec.nodeName. The kubelet, the agent on ${d.node}, watches ` +
        'for pods assigned to its node and will now start this one.'
      )
    },
    expert: (e) => {
      const d = e.details
      if (d.result === 'rejected') {
        return (
          `Bind failed ("${d.message}"): bindingCycle's error path runs Unreserve, ForgetPod on the cache and ` +
          'handleBindingCycleError → handleSchedulingFailure, which requeues the pod with backoff.'
        )
      }
      return (
        `bindingCycle → RunBindPlugins: ${d.plugin}.Bind POSTs a v1.Binding to pods/${nameOf(e)}/binding; the ` +
        "apiserver's binding storage sets spec.nodeName (refusing a pod that already has one) and PodScheduled=True. " +
        `The Scheduled event "Successfully assigned ${podOf(e)} to ${d.node}" follows.`
      )
    },
    docs: DOCS.binding,
    source: (e) => (e.details.result === 'bound' ? SRC.binder : SRC.scheduleOne),
  },

  'scheduler:PostBind': {
    summary: () => 'PostBind: done',
    story: (e) =>
      `The scheduler tells its PostBind plugins that ${podOf(e)} is bound to ${e.details.node}, so they can ` +
      `clean up. Its work on this pod is done; the kubelet on ${e.details.node} takes over.`,
    expert: (e) =>
      `RunPostBindPlugins (${list(e.details.plugins) || 'none configured'}) is informational and cannot ` +
      'fail. The assumed pod in the cache is confirmed when the informer delivers the bound pod.',
    docs: DOCS.binding,
    source: SRC.runtime,
  },
}
