/**
 * The Init Containers / Containers sections of `kubectl describe pod`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go describeContainers, describeContainersLabel,
 * describeContainerBasicInfo, describeContainerPorts/HostPorts, describeContainerCommand, describeContainerState,
 * describeStatus, describeResources, describeContainerProbe, DescribeProbe, describeContainerEnvFrom,
 * describeContainerEnvVars (with EnvValueRetriever), describeContainerVolumes.
 */
import type { Container, ContainerPort, ContainerState, ContainerStatus, Pod, Probe } from 'kubernetes-types/core/v1'
import { canonical } from '../../../api/quantity.ts'
import { printBool, rfc1123z, stringOrNone } from './format.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './tabwriter.ts'
import type { PrefixWriter } from './tabwriter.ts'
import { resolveEnvFieldRef, resourceFieldValue } from './env.ts'

const portList = (ports: ContainerPort[] | undefined, pick: (p: ContainerPort) => number | undefined) =>
  (ports ?? []).map((p) => `${pick(p) ?? 0}/${p.protocol ?? ''}${p.name ? ` (${p.name})` : ''}`).join(', ')

function describeContainerBasicInfo(c: Container, status: ContainerStatus | undefined, w: PrefixWriter): void {
  w.write(LEVEL_1, `${c.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const ports = portList(c.ports, (p) => p.containerPort)
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`)
  const hostPorts = portList(c.ports, (p) => p.hostPort)
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`)
  const seccomp = c.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function describeContainerCommand(c: Container, w: PrefixWriter): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const item of list) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
}

/** describeStatus prints one ContainerState; a Waiting state shows its Reason only (no Message). */
export function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

/** describeResources: Limits then Requests, names sorted, each quantity in Quantity.String() form. */
export function describeResources(res: Container['resources'], w: PrefixWriter, level: number): void {
  for (const [title, list] of [
    ['Limits', res?.limits],
    ['Requests', res?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (!list || names.length === 0) continue
    w.write(level, `${title}:\n`)
    for (const n of names) w.write(level + 1, `${n}:\t${canonical(list[n])}\n`)
  }
}

const intOrString = (v: number | string | undefined) => (v === undefined ? '' : String(v))

/** joinHostPort is net.JoinHostPort: IPv6 hosts go in brackets. */
const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`)

/** DescribeProbe renders a probe as describe prints it after `Liveness:` and the like. */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = intOrString(g.port)
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : (g.host ?? '')
    const scheme = (g.scheme ?? '').toLowerCase()
    // url.URL.String: "scheme:" then "//host", and a path that does not start with '/' gets one.
    const path = g.path && !g.path.startsWith('/') && host ? `/${g.path}` : (g.path ?? '')
    return `http-get ${scheme ? `${scheme}:` : ''}${scheme || host ? `//${host}` : ''}${path} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeContainerProbe(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
}

function describeContainerEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of c.envFrom ?? []) {
    const [from, ref] = e.configMapRef
      ? ['ConfigMap', e.configMapRef]
      : e.secretRef
        ? ['Secret', e.secretRef]
        : ['', undefined]
    const optional = ref?.optional === true
    const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`)
  }
}

function describeContainerEnvVars(c: Container, pod: Pod, w: PrefixWriter): void {
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (from.fieldRef) {
      const f = from.fieldRef
      w.write(LEVEL_3, `${e.name}:\t${resolveEnvFieldRef(pod, f)} (${f.apiVersion ?? ''}:${f.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t${resourceFieldValue(from.resourceFieldRef, c)} (${from.resourceFieldRef.resource})\n`,
      )
    } else if (from.secretKeyRef) {
      const s = from.secretKeyRef
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${s.key}' in secret '${s.name ?? ''}'>\tOptional: ${s.optional === true}\n`,
      )
    } else if (from.configMapKeyRef) {
      const m = from.configMapKeyRef
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${m.key}' of config map '${m.name ?? ''}'>\tOptional: ${m.optional === true}\n`,
      )
    }
  }
}

function describeContainerVolumes(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  )
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])]
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`)
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
  }
}

/** describeContainers writes one section ("Init Containers" or "Containers") for the given containers. */
export function describeContainers(
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod,
  w: PrefixWriter,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    describeContainerBasicInfo(c, status, w)
    describeContainerCommand(c, w)
    if (status) describeContainerState(status, w)
    describeResources(c.resources, w, LEVEL_2)
    describeContainerProbe(c, w)
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w)
    describeContainerEnvVars(c, pod, w)
    describeContainerVolumes(c, w)
  }
}
