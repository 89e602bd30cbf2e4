/**
 * runProbe: one run of a container's probe handler against the simulated container, with the result and the output
 * text the kubelet's prober gets back.
 * Mirrors: pkg/kubelet/prober/prober.go (runProbe / runProbeWithRetries, the exec, httpGet, tcpSocket and grpc
 * actions), pkg/probe/util.go ResolveContainerPort, pkg/probe/http/request.go NewRequestForHTTPGetAction,
 * pkg/probe/http/http.go DoHTTPProbe, pkg/probe/tcp/tcp.go DoTCPProbe, pkg/probe/exec/exec.go, pkg/probe/grpc/grpc.go,
 * and the remote runtime's ExecSync errors (pkg/kubelet/cri/remote/remote_runtime.go).
 */
import type { Container } from '../../api/types.ts'
import type { RegistryImage } from '../../config.ts'
import { outcomeOf } from '../cri/process.ts'
import { goDuration } from '../goDuration.ts'
import { fileCheck, flavourOf } from '../cri/files.ts'

export type Probe = NonNullable<Container['livenessProbe']>
/** probeType.String() in prober/prober_manager.go: the word the events start with. */
export type ProbeType = 'Liveness' | 'Readiness' | 'Startup'
/** probe.Result (pkg/probe/probe.go): what a handler answers, before the prober maps it to a results.Result. */
export type ProbeResult = 'success' | 'warning' | 'failure' | 'unknown'
export type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc'

/** What the prober probes: the container (for named ports), the pod's IP, and the image that decides the answers. */
export interface ProbeTarget {
  container: Container
  podIP: string
  image: RegistryImage | undefined
  /** The pod as format.Pod writes it: name_namespace(uid), for the missing-handler error. */
  podFullName: string
  /**
   * Ports where the container answers the gRPC health protocol (grpc.health.v1.Health). None of the catalog's
   * images does, so without this every grpc probe times out connecting, as it would against them.
   */
  grpcHealthPorts?: number[]
  /** Whether a file exists in the container now (the files its own command created or removed). */
  fileExists?: (path: string) => boolean
}

export interface ProbeRun {
  result: ProbeResult
  /** The probe's output: what the Unhealthy or ProbeWarning event quotes. */
  output: string
  /** Set when the handler errored (runProbe returned an error): the worker throws the result away. */
  error?: string
  handler: HandlerKind | 'none'
  /** What was probed, for people: `GET http://10.244.1.5:8080/healthz`, `exec [cat /tmp/healthy]`, `tcp …:3306`. */
  target: string
  /** Virtual milliseconds the probe took (a timeout takes timeoutSeconds). */
  tookMs: number
}

/** A refused connection answers at once; the simulation still gives it a moment. */
const REFUSED_MS = 1
/** A served HTTP request or TCP connect. */
const ANSWER_MS = 2

/**
 * resolveContainerPort mirrors probe.ResolveContainerPort at v1.35: a number is used as is; a name is looked up in
 * the container's ports, and a name that is not there is tried as a number (strconv.Atoi), whose error is what the
 * kubelet reports. Then 1..65535 is enforced.
 */
export function resolveContainerPort(
  port: number | string,
  container: Container,
): { port: number } | { error: string } {
  let n: number
  if (typeof port === 'number') n = port
  else {
    const named = (container.ports ?? []).find((p) => p.name === port)
    if (named) n = named.containerPort
    else if (/^[+-]?\d+$/.test(port)) n = Number(port)
    else return { error: `strconv.Atoi: parsing ${goQuote(port)}: invalid syntax` }
  }
  if (n > 0 && n < 65536) return { port: n }
  return { error: `invalid port number: ${n}` }
}

/** goQuote is Go's %q for the plain strings the kubelet quotes (port names, commands, addresses). */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}

/** joinHostPort is net.JoinHostPort: an IPv6 host gets brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * probeURL is formatURL in pkg/probe/http/request.go (url.Parse of the path, then scheme and host set) as
 * url.URL.String() prints it: a relative path gets its leading slash, a bare query stays bare.
 */
export function probeURL(scheme: string, host: string, port: number, path: string): string {
  const q = path.indexOf('?')
  const bare = q < 0 ? path : path.slice(0, q)
  const query = q < 0 ? '' : path.slice(q)
  const p = bare === '' || bare.startsWith('/') ? bare : `/${bare}`
  return `${scheme}://${joinHostPort(host, port)}${p}${query}`
}

/** Images whose default process is a static file server: only the index is there, any other path is a 404. */
const STATIC_SERVERS = ['/nginx', '/httpd']

/**
 * httpStatusOf is the status code the image's server answers for a path.
 * Simplified: a static server (nginx, httpd) has only `/` and `/index.html`; every other served port answers 200.
 */
export function httpStatusOf(image: RegistryImage | undefined, path: string): number {
  const onlyIndex = STATIC_SERVERS.some((s) => image?.repository.endsWith(s))
  if (!onlyIndex) return 200
  const bare = path.split('?')[0]
  return bare === '/' || bare === '' || bare === '/index.html' ? 200 : 404
}

/** serves says whether something in the pod listens on host:port. Simplified: only the pod IP is reachable. */
function serves(t: ProbeTarget, host: string, port: number): boolean {
  return host === t.podIP && (t.image?.ports ?? []).includes(port)
}

/**
 * execSyncError is the error containerd's ExecSync returns for a binary the image does not have (the probe then
 * errors instead of failing).
 */
export function execSyncError(binary: string): string {
  return (
    'rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: ' +
    'exec failed: unable to start container process: ' +
    `exec: ${goQuote(binary)}: executable file not found in $PATH: unknown`
  )
}

function runExec(p: Probe, t: ProbeTarget, timeoutS: number): ProbeRun {
  const argv = p.exec?.command ?? []
  const target = `exec [${argv.join(' ')}]`
  // A file check (cat, ls, test) answers from the container's files, with the image's tools' messages.
  const check = t.fileExists ? fileCheck(argv, t.fileExists, flavourOf(t.container.image)) : undefined
  if (check) {
    const result = check.code === 0 ? 'success' : 'failure'
    return { result, output: check.output, handler: 'exec', target, tookMs: 5 }
  }
  const o = outcomeOf(argv, t.image)
  const timeoutMs = timeoutS * 1000
  if (o.run === 'notFound') {
    return { result: 'unknown', output: '', error: execSyncError(o.binary), handler: 'exec', target, tookMs: 5 }
  }
  if (o.run === 'forever' || o.afterMs > timeoutMs) {
    // remote_runtime.go turns the deadline into a TimeoutError; exec.go (ExecProbeTimeout, GA) makes it a failure
    // whose output is the error text, since the command wrote nothing.
    const output = `command ${goQuote(argv.join(' '))} timed out`
    return { result: 'failure', output, handler: 'exec', target, tookMs: timeoutMs }
  }
  // Simplified: the process model writes nothing to stdout or stderr, so the output a failure quotes is empty.
  const result = o.code === 0 ? 'success' : 'failure'
  return { result, output: '', handler: 'exec', target, tookMs: Math.max(o.afterMs, 1) }
}

function runHttpGet(p: Probe, t: ProbeTarget): ProbeRun {
  const g = p.httpGet
  if (!g) throw new Error('runHttpGet without httpGet')
  const resolved = resolveContainerPort(g.port, t.container)
  if ('error' in resolved) {
    const target = `GET port ${g.port}`
    return { result: 'unknown', output: '', error: resolved.error, handler: 'httpGet', target, tookMs: 0 }
  }
  const scheme = (g.scheme ?? 'HTTP').toLowerCase() || 'http'
  const host = g.host || t.podIP
  const url = probeURL(scheme, host, resolved.port, g.path ?? '')
  const target = `GET ${url}`
  if (!serves(t, host, resolved.port)) {
    const output = `Get ${goQuote(url)}: dial tcp ${joinHostPort(host, resolved.port)}: connect: connection refused`
    return { result: 'failure', output, handler: 'httpGet', target, tookMs: REFUSED_MS }
  }
  if (scheme === 'https') {
    // The catalog's servers speak plain HTTP; Go's TLS client reads an HTTP answer to its handshake.
    const output = `Get ${goQuote(url)}: http: server gave HTTP response to HTTPS client`
    return { result: 'failure', output, handler: 'httpGet', target, tookMs: ANSWER_MS }
  }
  const code = httpStatusOf(t.image, g.path ?? '/')
  if (code >= 200 && code < 400) return { result: 'success', output: '', handler: 'httpGet', target, tookMs: ANSWER_MS }
  const output = `HTTP probe failed with statuscode: ${code}`
  return { result: 'failure', output, handler: 'httpGet', target, tookMs: ANSWER_MS }
}

function runTcp(p: Probe, t: ProbeTarget): ProbeRun {
  const s = p.tcpSocket
  if (!s) throw new Error('runTcp without tcpSocket')
  const resolved = resolveContainerPort(s.port, t.container)
  if ('error' in resolved) {
    const target = `tcp port ${s.port}`
    return { result: 'unknown', output: '', error: resolved.error, handler: 'tcpSocket', target, tookMs: 0 }
  }
  const host = s.host || t.podIP
  const addr = joinHostPort(host, resolved.port)
  const target = `tcp ${addr}`
  if (!serves(t, host, resolved.port)) {
    const output = `dial tcp ${addr}: connect: connection refused`
    return { result: 'failure', output, handler: 'tcpSocket', target, tookMs: REFUSED_MS }
  }
  return { result: 'success', output: '', handler: 'tcpSocket', target, tookMs: ANSWER_MS }
}

function runGrpc(p: Probe, t: ProbeTarget, timeoutS: number): ProbeRun {
  const port = p.grpc?.port ?? 0
  const addr = joinHostPort(t.podIP, port)
  const target = `grpc ${addr}${p.grpc?.service ? ` service ${p.grpc.service}` : ''}`
  if ((t.grpcHealthPorts ?? []).includes(port) && serves(t, t.podIP, port)) {
    return { result: 'success', output: 'service healthy', handler: 'grpc', target, tookMs: ANSWER_MS }
  }
  // grpc.go dials WithBlock: a refused or non-gRPC port keeps the dial retrying until the timeout.
  const within = goDuration(timeoutS * 1000)
  const output = `timeout: failed to connect service ${goQuote(addr)} within ${within}: context deadline exceeded`
  return { result: 'failure', output, handler: 'grpc', target, tookMs: timeoutS * 1000 }
}

/** runProbe runs the probe's handler once (runProbeWithRetries retries only errors, which are deterministic here). */
export function runProbe(p: Probe, t: ProbeTarget): ProbeRun {
  const timeoutS = p.timeoutSeconds || 1
  if (p.exec) return runExec(p, t, timeoutS)
  if (p.httpGet) return runHttpGet(p, t)
  if (p.tcpSocket) return runTcp(p, t)
  if (p.grpc) return runGrpc(p, t, timeoutS)
  const error = `missing probe handler for ${t.podFullName}:${t.container.name}`
  return { result: 'unknown', output: '', error, handler: 'none', target: 'no handler', tookMs: 0 }
}

/** podFullName is format.Pod (pkg/kubelet/util/format/pod.go): name_namespace(uid). */
export function podFullName(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`
}
