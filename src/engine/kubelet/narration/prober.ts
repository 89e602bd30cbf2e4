/** What the kubelet's probe workers say: each probe run, counted against its threshold, and what it changed. */
import { assertNever } from '../../events.ts'
import type { ProbeStep } from '../prober/traceTypes.ts'

/** The part of a `prober:Probe` step the narration reads (a TraceEvent of that type has at least this). */
interface ProbeStepView {
  details: ProbeStep
}

const PROBE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/'
const WORKER_GO = 'pkg/kubelet/prober/worker.go'
const PROBER_GO = 'pkg/kubelet/prober/prober.go'

/** What each probe type is for, in plain words. */
function purpose(d: ProbeStep): string {
  if (d.probeType === 'Readiness') return 'asks whether the container can take traffic now (it decides Ready)'
  if (d.probeType === 'Liveness') return 'asks whether the container is still healthy (a failing one is restarted)'
  return 'asks whether the container has finished starting (the other probes wait for it)'
}

function handlerWords(d: ProbeStep): string {
  switch (d.handler) {
    case 'exec':
      return `runs ${d.target.replace(/^exec /, '')} inside the container`
    case 'httpGet':
      return `sends an HTTP ${d.target}; any status from 200 to 399 counts as success`
    case 'tcpSocket':
      return `opens a TCP connection (${d.target.replace(/^tcp /, '')}); connecting is enough`
    case 'grpc':
      return `calls the gRPC health service (${d.target.replace(/^grpc /, '')})`
    case 'none':
      return 'has no handler'
    default:
      return assertNever(d.handler, 'probe handler')
  }
}

function answer(d: ProbeStep): string {
  if (d.error !== undefined) return `errored: ${d.error}`
  if (d.result === 'success') return 'succeeded'
  if (d.result === 'warning') return `succeeded with a warning: ${d.output}`
  return d.output ? `failed: ${d.output}` : 'failed'
}

function changeWords(d: ProbeStep): string {
  switch (d.change) {
    case 'ready':
      return `${d.container} is now Ready: the pod's Ready condition can turn True and Services send it traffic.`
    case 'unready':
      return `${d.container} is no longer Ready: Services stop sending it traffic, but it keeps running.`
    case 'restart':
      return d.kill?.restart
        ? `The kubelet kills ${d.container} and starts it again (event Killing "${d.kill.message}").`
        : `The kubelet kills ${d.container}; restartPolicy Never means it is not started again.`
    case 'started':
      return `${d.container} counts as started: its liveness and readiness probes begin now.`
    case 'none':
      return ''
    default:
      return assertNever(d.change, 'probe change')
  }
}

function counting(d: ProbeStep): string {
  if (d.error !== undefined) return 'An errored probe does not count: the tally stays where it was.'
  const word = d.counted === 'Success' ? 'success' : 'failure'
  const needs = d.counted === 'Success' ? 'successThreshold' : 'failureThreshold'
  if (d.set === undefined) {
    return `That is ${word} ${d.consecutive} in a row, below ${needs} ${d.threshold}, so nothing changes yet.`
  }
  return `That is ${word} ${d.consecutive} of ${needs} ${d.threshold}, so the kubelet acts on it.`
}

export const PROBER_NARRATION = {
  'prober:Probe': {
    summary: (e: ProbeStepView) => {
      const d = e.details
      // Past the threshold the count no longer matters: a steady probe reads (1/1), (3/3).
      const tally = d.error !== undefined ? '' : ` (${Math.min(d.consecutive, d.threshold)}/${d.threshold})`
      const change = d.change === 'none' ? '' : ` → ${d.change}`
      return `${d.probeType} probe of ${d.container}: ${d.target} ${answer(d)}${tally}${change}`
    },
    story: (e: ProbeStepView) => {
      const d = e.details
      const head =
        `Every ${d.periodSeconds}s the kubelet probes ${d.container}. The ${d.probeType.toLowerCase()} probe ` +
        `${purpose(d)}; this one ${handlerWords(d)}, and waits at most ${d.timeoutSeconds}s for an answer. ` +
        `It ${answer(d)}.`
      const event = d.event
        ? ` The kubelet records a ${d.event.eventType} event ${d.event.reason}: "${d.event.message}".`
        : ''
      const change = changeWords(d)
      return `${head}${event} ${counting(d)}${change ? ` ${change}` : ''}`
    },
    expert: (e: ProbeStepView) => {
      const d = e.details
      const ran =
        `The ${d.probeType.toLowerCase()} worker's doProbe (worker.go) calls prober.probe, whose runProbeWithRetries ` +
        `runs the ${d.handler} action (prober.go) and gets probe.Result ${d.result}.`
      if (d.error !== undefined) {
        return (
          `${ran} It returned an error, so probe records Unhealthy "${d.event?.message ?? ''}" and doProbe ` +
          'throws the result away.'
        )
      }
      const mapped = ` probe maps it to results.${d.counted}; resultRun is ${d.consecutive} against ${d.threshold}.`
      const setText =
        d.set === undefined
          ? ' Below the threshold, the results manager is left unchanged.'
          : ` The worker calls resultsManager.Set(${d.set})` +
            (d.change === 'restart'
              ? '; computePodActions sees the failure and kills the container, and the worker stays onHold ' +
                'until a new container ID.'
              : d.probeType === 'Startup'
                ? '; the worker goes onHold until a new container ID (#117153).'
                : '; the probe manager folds it into the container status (UpdatePodStatus).')
      return `${ran}${mapped}${setText}`
    },
    docs: PROBE_DOCS,
    source: (e: ProbeStepView) => (e.details.error !== undefined ? PROBER_GO : WORKER_GO),
  },
}
