/**
 * PodSecurity: enforces the Pod Security Standards a namespace asks for with the labels
 * pod-security.kubernetes.io/enforce and /warn (levels privileged, baseline, restricted; no label = privileged).
 * Mirrors: staging/src/k8s.io/pod-security-admission/policy/check_*.go (forbidden reasons and details, checks in
 * ID order) and admission/admission.go ("violates PodSecurity %q: %s", warnings "would violate PodSecurity %q: %s").
 * Simplified: the checks below cover privileged, host namespaces, hostPath volumes, host ports, capabilities,
 * allowPrivilegeEscalation, runAsNonRoot, runAsUser and seccomp; AppArmor, SELinux, procMount, sysctls and the
 * restricted volume-type list are not checked; versions other than "latest" are treated as "latest".
 */
import type { Container, Pod } from '../../api/types.ts'
import { forbidden, isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

type Level = 'privileged' | 'baseline' | 'restricted'
interface Check { id: string; level: Level; run(pod: Pod): string | undefined }

const LABEL = 'pod-security.kubernetes.io/'
const BASELINE_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']

const all = (p: Pod): Container[] => [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])]
const names = (cs: Container[]) => `${cs.length === 1 ? 'container' : 'containers'} ${cs.map((c) => JSON.stringify(c.name)).join(', ')}`
const psc = (p: Pod) => p.spec?.securityContext ?? {}

const CHECKS: Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', run: (p) => { const bad = all(p).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false); return bad.length ? `allowPrivilegeEscalation != false (${names(bad)} must set securityContext.allowPrivilegeEscalation=false)` : undefined } },
  { id: 'capabilities_baseline', level: 'baseline', run: (p) => { const bad = all(p).flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPS.includes(cap)).map((cap) => ({ c, cap }))); return bad.length ? `non-default capabilities (${names([...new Set(bad.map((b) => b.c))])} must not include ${[...new Set(bad.map((b) => JSON.stringify(b.cap)))].join(', ')} in securityContext.capabilities.add)` : undefined } },
  { id: 'capabilities_restricted', level: 'restricted', run: (p) => { const bad = all(p).filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL')); return bad.length ? `unrestricted capabilities (${names(bad)} must set securityContext.capabilities.drop=["ALL"])` : undefined } },
  { id: 'hostNamespaces', level: 'baseline', run: (p) => { const on = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((k) => p.spec?.[k]); return on.length ? `host namespaces (${on.map((k) => `${k}=true`).join(', ')})` : undefined } },
  { id: 'hostPathVolumes', level: 'baseline', run: (p) => { const v = (p.spec?.volumes ?? []).filter((x) => x.hostPath); return v.length ? `hostPath volumes (${v.length === 1 ? 'volume' : 'volumes'} ${v.map((x) => JSON.stringify(x.name)).join(', ')})` : undefined } },
  { id: 'hostPorts', level: 'baseline', run: (p) => { const bad = all(p).filter((c) => (c.ports ?? []).some((x) => x.hostPort)); return bad.length ? `hostPort (${names(bad)} ${bad.length === 1 ? 'uses' : 'use'} ${bad.length === 1 ? 'hostPort' : 'hostPorts'} ${bad.flatMap((c) => (c.ports ?? []).filter((x) => x.hostPort).map((x) => x.hostPort)).join(', ')})` : undefined } },
  { id: 'privileged', level: 'baseline', run: (p) => { const bad = all(p).filter((c) => c.securityContext?.privileged); return bad.length ? `privileged (${names(bad)} must not set securityContext.privileged=true)` : undefined } },
  { id: 'runAsNonRoot', level: 'restricted', run: (p) => { const podOk = psc(p).runAsNonRoot === true; const bad = all(p).filter((c) => c.securityContext?.runAsNonRoot === false || (!podOk && c.securityContext?.runAsNonRoot !== true)); return bad.length ? `runAsNonRoot != true (${podOk ? names(bad) : `pod or ${names(bad)}`} must set securityContext.runAsNonRoot=true)` : undefined } },
  { id: 'runAsUser', level: 'restricted', run: (p) => { const bad = all(p).filter((c) => c.securityContext?.runAsUser === 0); const pod0 = psc(p).runAsUser === 0; return pod0 || bad.length ? `runAsUser=0 (${pod0 ? 'pod' : ''}${pod0 && bad.length ? ' and ' : ''}${bad.length ? names(bad) : ''} must not set runAsUser=0)` : undefined } },
  { id: 'seccompProfile_restricted', level: 'restricted', run: (p) => { const podType = psc(p).seccompProfile?.type; const ok = (t?: string) => t === 'RuntimeDefault' || t === 'Localhost'; const bad = all(p).filter((c) => !ok(c.securityContext?.seccompProfile?.type ?? podType)); return bad.length ? `seccompProfile (${ok(podType) ? names(bad) : `pod or ${names(bad)}`} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")` : undefined } },
]

function level(labels: Record<string, string>, mode: 'enforce' | 'warn'): Level {
  const v = labels[`${LABEL}${mode}`]
  return v === 'baseline' || v === 'restricted' ? v : 'privileged'
}

function violations(pod: Pod, lvl: Level): string[] {
  if (lvl === 'privileged') return []
  return CHECKS.filter((c) => lvl === 'restricted' || c.level === 'baseline').map((c) => c.run(pod)).filter((x): x is string => !!x)
}

export const PodSecurity: AdmissionPlugin = {
  name: 'PodSecurity',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  handles: isPodCreate,
  validate(a, store) {
    const labels = store.get(`/registry/namespaces/${a.namespace}`)?.metadata?.labels ?? {}
    const enforce = level(labels, 'enforce')
    const warn = level(labels, 'warn')
    const pod = a.object as Pod
    const ver = (mode: string) => labels[`${LABEL}${mode}-version`] ?? 'latest'
    const bad = violations(pod, enforce)
    if (bad.length) {
      const msg = `violates PodSecurity "${enforce}:${ver('enforce')}": ${bad.join(', ')}`
      return { acted: true, note: `namespace "${a.namespace}" enforces the ${enforce} Pod Security Standard and the pod breaks it`, error: forbidden(a, msg) }
    }
    const warnings = violations(pod, warn)
    if (warnings.length) return { acted: true, warnings: [`would violate PodSecurity "${warn}:${ver('warn')}": ${warnings.join(', ')}`], note: `namespace "${a.namespace}" warns at the ${warn} level; the pod would break it, so the client gets a warning but the pod is admitted.` }
    if (enforce === 'privileged' && warn === 'privileged') return { acted: false, note: `namespace "${a.namespace}" has no pod-security.kubernetes.io labels, so the privileged level applies: nothing is restricted.` }
    return { acted: true, note: `the pod meets the ${enforce} Pod Security Standard that namespace "${a.namespace}" enforces.` }
  },
}
