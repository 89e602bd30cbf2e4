/**
 * validateProbes: the apiserver's checks of a container's liveness, readiness and startup probes.
 * Mirrors: pkg/apis/core/validation/validation.go (validateLivenessProbe, validateReadinessProbe,
 * validateStartupProbe, validateProbe, validateHandler, validateExecAction, validateHTTPGetAction,
 * validateTCPSocketAction, validateGRPCAction, ValidatePortNumOrName, ValidateNonnegativeField, and
 * validateInitContainers' rule for init containers without restartPolicy=Always) and
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsValidPortNum, IsValidPortName).
 * Values are checked as defaulting leaves them (0 thresholds become 1 and 3, path "/", scheme HTTP), so the result
 * does not depend on whether defaulting ran first.
 * Simplified: httpHeaders names are not checked.
 */
import type { FieldError } from './errors.ts'
import type { Container } from './types.ts'

type Probe = NonNullable<Container['livenessProbe']>

const q = (v: unknown) => JSON.stringify(v)
const invalid = (field: string, value: unknown, msg: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${q(value)}: ${msg}`,
})
const forbidden = (field: string, msg: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  message: `Forbidden: ${msg}`,
})
const required = (field: string, detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  field,
  message: detail ? `Required value: ${detail}` : 'Required value',
})

/** IsValidPortName's messages, in its order. */
export function portNameErrors(port: string): string[] {
  const out: string[] = []
  if (port.length > 15) out.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(port)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) out.push('must contain at least one letter (a-z)')
  if (port.includes('--')) out.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) out.push('must not begin or end with a hyphen')
  return out
}

function portNumOrName(port: number | string, field: string): FieldError[] {
  if (typeof port === 'number') {
    return port >= 1 && port <= 65535 ? [] : [invalid(field, port, 'must be between 1 and 65535, inclusive')]
  }
  return portNameErrors(port).map((m) => invalid(field, port, m))
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const

function validateHandler(p: Probe, path: string): FieldError[] {
  const errs: FieldError[] = []
  let n = 0
  for (const h of HANDLERS) {
    if (!p[h]) continue
    if (n > 0) {
      errs.push(forbidden(`${path}.${h}`, 'may not specify more than 1 handler type'))
      continue
    }
    n++
    if (p.exec && h === 'exec' && !(p.exec.command ?? []).length) errs.push(required(`${path}.exec.command`))
    if (p.httpGet && h === 'httpGet') {
      errs.push(...portNumOrName(p.httpGet.port, `${path}.httpGet.port`))
      const scheme = p.httpGet.scheme || 'HTTP'
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
        errs.push({
          type: 'FieldValueNotSupported',
          field: `${path}.httpGet.scheme`,
          message: `Unsupported value: ${q(scheme)}: supported values: "HTTP", "HTTPS"`,
        })
      }
    }
    if (p.tcpSocket && h === 'tcpSocket') errs.push(...portNumOrName(p.tcpSocket.port, `${path}.tcpSocket.port`))
    if (p.grpc && h === 'grpc') errs.push(...portNumOrName(p.grpc.port, `${path}.grpc.port`))
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'))
  return errs
}

/** validateProbe: the handler, then the five counts (ValidateNonnegativeField), then terminationGracePeriodSeconds. */
function validateProbe(p: Probe, path: string): FieldError[] {
  const errs = validateHandler(p, path)
  const fields = [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const
  for (const f of fields) {
    const v = p[f]
    if (v !== undefined && v < 0) errs.push(invalid(`${path}.${f}`, v, 'must be greater than or equal to 0'))
  }
  const tgps = p.terminationGracePeriodSeconds
  if (tgps !== undefined && tgps <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'))
  }
  return errs
}

/**
 * validateProbes checks a container's three probes; `path` is the container's field path. An init container
 * without restartPolicy Always may have none of them (its lifecycle is the caller's business).
 */
export function validateProbes(c: Container, path: string): FieldError[] {
  const init = path.startsWith('spec.initContainers')
  if (init && c.restartPolicy !== 'Always') {
    const kinds = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const
    return kinds
      .filter((k) => c[k])
      .map((k) => forbidden(`${path}.${k}`, 'may not be set for init containers without restartPolicy=Always'))
  }
  const errs: FieldError[] = []
  // Liveness, readiness, startup: validateInitContainers' order for a sidecar, and validateContainers' too.
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const p = c[k]
    if (!p) continue
    const at = `${path}.${k}`
    errs.push(...validateProbe(p, at))
    if (k === 'readinessProbe') {
      if (p.terminationGracePeriodSeconds !== undefined) {
        const v = p.terminationGracePeriodSeconds
        errs.push(invalid(`${at}.terminationGracePeriodSeconds`, v, 'must not be set for readinessProbes'))
      }
    } else if ((p.successThreshold || 1) !== 1) {
      errs.push(invalid(`${at}.successThreshold`, p.successThreshold, 'must be 1'))
    }
  }
  return errs
}
