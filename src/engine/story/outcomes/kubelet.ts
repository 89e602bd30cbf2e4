/**
 * The node's outcomes: kubelet admission's rejection, image pulls that fail and their back-offs, ErrImageNeverPull
 * (told in find.ts, from its event), lifecycle hooks that fail, crash loops, and pods that fail for good.
 */
import type { TraceEvent } from '../../events.ts'
import type { ContainerStatus, PodStatus } from '../../api/types.ts'
import { formatQuantity } from '../../api/quantity.ts'
import type { Outcome } from './types.ts'
import { commandLine, ordinal, podName } from './text.ts'
import { type ProbeKill, probeKillCause, probeKillFix } from './probes.ts'

/** A failed image pull, kept until the next one: its step, the runtime's error, the container and the image. */
export interface FailedPull { index: number; error: string; container?: string; image: string }

/** containerStatusLists: a pod status's init container statuses, then its app containers' (with `init` set). */
export function containerStatusLists(status: PodStatus): [ContainerStatus[] | undefined, boolean][] {
  return [[status.initContainerStatuses, true], [status.containerStatuses, false]]
}

export function kubeletRejected(i: number, pod: string, node: string, reason: string, message: string, pinned: boolean): Outcome {
  const res = /Node didn't have enough resource: (\S+), requested: (\d+), used: (\d+), capacity: (\d+)/.exec(message)
  const unit = (r: string, v: number) => (r === 'cpu' ? `${v}m` : r === 'memory' ? formatQuantity({ nano: BigInt(v) * 1_000_000_000n, format: 'BinarySI' }) : String(v))
  let fix: string
  if (res) {
    const [, r, req, used, cap] = res
    const free = Number(cap) - Number(used)
    fix = r === 'pods'
      ? `Node ${node} runs all the pods it can (${cap}): remove spec.nodeName and let the scheduler choose a node with a free slot, or free one on ${node}.`
      : `Ask for at most ${unit(r, free)} ${r} (node ${node} has ${unit(r, Number(cap))} allocatable, ${unit(r, Number(used))} already requested; the pod asks ${unit(r, Number(req))})${pinned ? ', or remove spec.nodeName so the scheduler picks a node with room' : ''}.`
  } else if (reason === 'NodeAffinity') {
    fix = `Make the pod's nodeSelector / node affinity match node ${node}'s labels (or label ${node}), or remove spec.nodeName and let the scheduler choose.`
  } else if (reason === 'TaintToleration') {
    fix = `Add a toleration for node ${node}'s NoExecute taint, or remove spec.nodeName and let the scheduler choose.`
  } else if (reason === 'NodePorts') {
    fix = `Choose a hostPort that is free on ${node}, or remove spec.nodeName and let the scheduler choose.`
  } else {
    fix = `Remove spec.nodeName and let the scheduler choose a node that fits.`
  }
  return {
    kind: 'kubelet-rejected', pod, step: i, at: i, title: reason, message,
    cause: `The kubelet on ${node} checks a pod once more before running it (kubelet admission) and rejected ${podName(pod)}: ${message.replace(/^Node didn't have enough resource: ([^,\s]+).*/, 'not enough $1 left on the node')}. ${pinned ? 'The pod named its node in spec.nodeName, so the scheduler never checked whether it fits.' : ''} A rejected pod is Failed for good; it is not retried.`.replace(/ {2}/g, ' '),
    fix,
  }
}

/** The registry's reason, from the runtime's pull error. */
export function registryReason(error: string): { why: string; what: 'tag' | 'repository' | 'unreachable' | 'other'; ref: string; repository: string; tag: string } {
  const ref = /failed to pull and unpack image "([^"]+)"/.exec(error)?.[1] ?? ''
  const at = ref.lastIndexOf(':')
  const slash = ref.lastIndexOf('/')
  const repository = at > slash ? ref.slice(0, at) : ref
  const tag = at > slash ? ref.slice(at + 1) : ''
  if (/code = NotFound/.test(error) && /: not found$/.test(error)) return { why: `the registry has the repository ${repository} but no tag ${tag}`, what: 'tag', ref, repository, tag }
  if (/repository does not exist or may require authorization/.test(error)) return { why: `the registry has no repository ${repository} (or it needs credentials)`, what: 'repository', ref, repository, tag }
  const host = /lookup (\S+): no such host/.exec(error)?.[1]
  if (host) return { why: `the registry ${host} cannot be reached`, what: 'unreachable', ref, repository, tag }
  return { why: error.replace(/^rpc error: code = \w+ desc = /, ''), what: 'other', ref, repository, tag }
}

export function pullFix(reg: ReturnType<typeof registryReason>, image: string, container?: string): string {
  const where = `container ${container ?? '(its container)'}`
  if (reg.what === 'tag') return `Use a tag that exists: change the image ${image} of ${where} in the manifest (the tag ${reg.tag} is not in ${reg.repository}), or add the tag to the SimulatorConfig registry in the cluster file.`
  if (reg.what === 'repository') return `Check the repository name in the image ${image} of ${where} (a typo?); a private registry also needs imagePullSecrets. In podbirth, the SimulatorConfig registry in the cluster file lists the repositories that exist.`
  if (reg.what === 'unreachable') return `Make the registry reachable (remove the RegistryUnavailable fault from the SimulatorConfig), or use the image of ${where} from another registry.`
  return `Correct the image ${image} of ${where}, or the registry it comes from.`
}

export function errImagePull(i: number, pod: string, node: string, image: string, error: string, container?: string): Outcome {
  const reg = registryReason(error)
  const shown = image.replace(/^docker\.io\/library\//, '')
  return {
    kind: 'err-image-pull', pod, step: i, at: i, title: 'ErrImagePull',
    message: error,
    cause: `The container runtime on ${node} could not pull ${reg.ref || image}: ${reg.why}.${reg.what === 'unreachable' ? '' : ' The kubelet will try again after a back-off.'}`,
    fix: pullFix(reg, shown, container),
  }
}

/** backOffMessage: the "Back-off pulling image" event for pod just before i (a Normal event, not a Warning). */
export function backOffMessage(events: readonly TraceEvent[], i: number, pod: string): string | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 50; k--) {
    const e = events[k]
    if (e.type === 'event:Record' && e.pod === pod && e.details.reason === 'BackOff') return e.details.message
  }
  return undefined
}

export function imagePullBackOff(i: number, pod: string, pull: FailedPull | undefined, message: string, count: number, seconds: number | undefined, eventContainer?: string): Outcome {
  const reg = registryReason(pull?.error ?? '')
  const image = pull?.image ?? ''
  const container = pull?.container ?? eventContainer
  const shown = (image || reg.ref).replace(/^docker\.io\/library\//, '')
  return {
    kind: 'image-pull-backoff', pod, step: pull?.index ?? i, at: i, title: 'ImagePullBackOff', message,
    cause: `The pull of ${reg.ref || image} failed${count > 1 ? ` ${count} times` : ''} (${pull ? reg.why : 'see the pull'}), so the kubelet waits${seconds ? ` ${seconds} s` : ''} before trying again; the wait doubles after each failure, up to 300 s. The pod stays Pending meanwhile.`,
    fix: pull ? pullFix(reg, shown, container) : `Correct the image ${shown}.`,
  }
}

export function hookFailed(events: readonly TraceEvent[], i: number, pod: string, container: string, which: 'postStart' | 'preStop', what: string, error: string): Outcome {
  // The Warning event just after is the upstream text ("PostStartHook failed").
  const reason = which === 'postStart' ? 'FailedPostStartHook' : 'FailedPreStopHook'
  let message = ''
  for (let k = i + 1; k < events.length && k <= i + 20; k++) {
    const e = events[k]
    if (e.type === 'event:Record' && e.pod === pod && e.details.reason === reason) { message = e.details.message; break }
  }
  const refused = /dial tcp ([\d.]+):(\d+): connect: connection refused/.exec(error)
  const exit = /exit(?:ed with)? (?:code|status) (\d+)/.exec(error)
  const fix = refused
    ? `Nothing listens on port ${refused[2]} in container ${container} when the hook runs: point the hook at the port the container serves, or drop the hook.`
    : exit ? `The hook's command exits ${exit[1]}: make it succeed (exit 0), or drop the hook.` : `Make the ${which} hook of container ${container} succeed, or drop it.`
  return {
    kind: 'hook-failed', pod, step: i, at: i, title: reason, message: message || error,
    cause: which === 'postStart'
      ? `The postStart hook of container ${container} (${what}) failed: ${error}. The kubelet waits for postStart; when it fails, the kubelet kills the container and the restart policy decides what comes next.`
      : `The preStop hook of container ${container} (${what}) failed: ${error}. The kubelet stops the container anyway.`,
    fix,
  }
}

/**
 * crashLoop: the container keeps ending and the kubelet waits before the next start. `probe`: it did not exit by
 * itself but was killed because its liveness or startup probe failed (its exit code, often 0, says nothing then).
 */
export function crashLoop(i: number, pod: string, container: string, message: string, backoff: string, policy: string, exit: { exitCode: number; reason: string } | undefined, hook: { what: string; error: string } | undefined, argv: string[] | undefined, restarts: number, probe?: ProbeKill): Outcome {
  const cmd = commandLine(argv)
  const how = hook ? `was killed after its postStart hook failed (${hook.error})` : exit ? `exited with code ${exit.exitCode} (${exit.reason})` : 'exited'
  const nth = restarts > 1 ? `, for the ${ordinal(restarts)} time` : ''
  const what = probe ? probeKillCause(container, probe, nth, exit?.exitCode) : `Container ${container} ${how}${nth}`
  let fix: string
  if (probe) fix = probeKillFix(pod, container, probe)
  else if (hook) fix = `Fix the postStart hook of container ${container} (${hook.what}) so it succeeds, or drop it; the container itself is killed because of it.`
  else if (exit?.reason === 'StartError') fix = `The container could not start: its command${cmd ? ` (${cmd})` : ''} names a program the image does not have. Correct command/args, or use an image that has it.`
  else fix = `Find out why the process ${exit ? `exits ${exit.exitCode}` : 'exits'}${cmd ? ` — its command is ${cmd}` : ''} (kubectl logs ${podName(pod)} -c ${container} --previous shows its last output) — and fix the command or the program so it keeps running. If it is meant to finish, use restartPolicy: OnFailure or Never.`
  return {
    kind: 'crash-loop-backoff', pod, step: i, at: i, title: 'CrashLoopBackOff', message,
    cause: `${what}. restartPolicy ${policy} restarts it: the first restart comes at once, later ones only after a back-off that doubles with each crash (10s, 20s, 40s … at most 5m0s): this time ${backoff}.`,
    fix,
  }
}

/** podFailed: the pod is Failed for good (restartPolicy Never); told from its first container that exited non-zero. */
export function podFailed(i: number, pod: string, status: PodStatus, commands: Map<string, string[]>): Outcome | undefined {
  for (const [statuses, init] of containerStatusLists(status)) {
    for (const s of statuses ?? []) {
      const terminated = s.state?.terminated
      if (!terminated || terminated.exitCode === 0) continue
      const code = terminated.exitCode
      const reason = terminated.reason ?? 'Error'
      const name = s.name
      const cmd = commandLine(commands.get(`${pod}|${name}`))
      return {
        kind: 'pod-failed', pod, step: i, at: i, title: init ? `Init:${reason}` : reason,
        message: `${init ? 'Init container' : 'Container'} ${name}: Terminated, Reason: ${reason}, Exit Code: ${code}`,
        cause: `${init ? `Init container ${name}` : `Container ${name}`} exited with code ${code}, and with restartPolicy Never it does not run again, so the pod is Failed${init ? ': its app containers never start' : ''}.`,
        fix: `Make ${name} exit 0${cmd ? ` — its command is ${cmd}` : ''} (kubectl logs ${podName(pod)} -c ${name} shows its output), or set restartPolicy: OnFailure so the kubelet retries it.`,
      }
    }
  }
  return undefined
}
