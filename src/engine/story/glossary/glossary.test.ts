import { describe, expect, it } from 'vitest'
import { applyAndRun, NGINX } from '../../../../tests/engine/helpers.ts'
import { narrate } from '../../narration/index.ts'
import { buildStory, tellChapter } from '../index.ts'
import { GLOSSARY, findTerms, glossaryId, searchGlossary } from './index.ts'
import type { GlossaryEntry } from './index.ts'

/** The entry a name (its term or one of its aliases) belongs to. */
const lookup = (name: string): GlossaryEntry | undefined =>
  GLOSSARY.find((e) => [e.term, ...e.aliases].some((s) => s.toLowerCase() === name.toLowerCase()))

/** The marked spans of a text, as "surface → term". */
const marks = (text: string) => findTerms(text).map((f) => `${text.slice(f.start, f.end)} → ${f.entry.term}`)

/** Sentences: a full stop, question or exclamation mark followed by white space or the end. */
const sentences = (s: string) => s.trim().split(/(?<=[.!?])\s+/).filter(Boolean)

describe('the glossary', () => {
  it('has at least 40 terms, among them every term the issue and the narration call for', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40)
    const required = [
      // The issue
      'informer', 'watch', 'resourceVersion', 'etcd revision', 'admission plugin', 'RBAC', 'sandbox', 'pause container',
      'CNI', 'veth', 'IPAM', 'QoS class', 'taint', 'toleration', 'affinity', 'preemption', 'backoff',
      // The narration's jargon
      'kube-apiserver', 'etcd', 'kubelet', 'kube-scheduler', 'kubectl', 'kubeconfig', 'client certificate', 'bearer token',
      'service account', 'authentication', 'authorization', 'mutating admission', 'validating admission', 'webhook',
      'namespace', 'LimitRange', 'ResourceQuota', 'PodSecurity', 'PriorityClass', 'defaulting', 'validation', 'uid',
      'watch cache', 'optimistic concurrency', 'scheduling queue', 'activeQ', 'backoffQ', 'unschedulable pods',
      'scheduling cycle', 'binding cycle', 'Filter plugin', 'score', 'plugin', 'node affinity', 'pod anti-affinity',
      'topology spread', 'nominated node', 'binding', 'CRI', 'container runtime', 'containerd', 'network namespace',
      'bridge', 'veth pair', 'pod CIDR', 'image pull', 'imagePullPolicy', 'registry', 'postStart hook', 'preStop hook',
      'probe', 'CrashLoopBackOff', 'back-off', 'restartPolicy', 'grace period', 'requests and limits', 'conditions',
      'phase', 'Event', 'container',
      // Probes (issue #13)
      'liveness probe', 'readiness probe', 'startup probe',
    ]
    expect(required.filter((name) => !lookup(name))).toEqual([])
  })

  it('defines every term in two or three sentences, with a kubernetes.io page', () => {
    for (const e of GLOSSARY) {
      const n = sentences(e.definition).length
      expect(n, `${e.term}: ${n} sentences`).toBeGreaterThanOrEqual(2)
      expect(n, `${e.term}: ${n} sentences`).toBeLessThanOrEqual(3)
      expect(e.definition, e.term).toMatch(/^[A-Z"(]/)
      expect(e.definition.length, e.term).toBeLessThan(450)
      expect(e.docs, e.term).toMatch(/^https:\/\/kubernetes\.io\/docs\/[a-z0-9/#-]+$/)
      expect(e.term.trim(), e.term).toBe(e.term)
    }
  })

  it('spells each term or alias once across the whole glossary (case-insensitively)', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const e of GLOSSARY) {
      for (const s of [e.term, ...e.aliases]) {
        const k = s.toLowerCase()
        if (owner.has(k)) clashes.push(`"${s}" in ${e.term} and ${owner.get(k)}`)
        else owner.set(k, e.term)
      }
    }
    expect(clashes).toEqual([])
  })

  it('gives every entry a distinct id and lists the entries by term', () => {
    expect(new Set(GLOSSARY.map(glossaryId)).size).toBe(GLOSSARY.length)
    const terms = GLOSSARY.map((e) => e.term)
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
  })
})

describe('findTerms', () => {
  it('prefers the longest spelling where spellings overlap', () => {
    expect(marks('The pause container holds the namespaces.')).toEqual(['pause container → pause container'])
    expect(marks('Every container shares it.')).toEqual(['container → container'])
    expect(marks('The watch cache fans out.')).toEqual(['watch cache → watch cache'])
    expect(marks('at etcd revision 34')).toEqual(['etcd revision → etcd revision'])
    expect(marks('kubectl apply sends it')).toEqual(['kubectl apply → client-side apply'])
  })

  it('matches whole words only, never inside a longer word, a hyphenated name, a path or a dotted name', () => {
    // Decision: "watch" is not found inside "watchdog" or "cacheWatcher"; "watcher" is found, as an alias of watch.
    expect(marks('a watchdog and a cacheWatcher')).toEqual([])
    expect(marks('every watcher')).toEqual(['watcher → watch'])
    expect(marks('the kube-scheduler')).toEqual(['kube-scheduler → kube-scheduler'])
    expect(marks('stored at /registry/pods/default/nginx')).toEqual([])
    expect(marks('image registry.k8s.io/pause:3.10.1')).toEqual(['image → container image'])
    expect(marks('the kubectl.kubernetes.io/last-applied-configuration annotation')).toEqual([])
    expect(marks('ImagePullBackOff, not backoffQ')).toEqual(['ImagePullBackOff → ImagePullBackOff', 'backoffQ → backoffQ'])
    // Punctuation after a term is not part of a word.
    expect(marks('It is stored in etcd.')).toEqual(['etcd → etcd'])
    expect(marks('(RBAC), "kubelet": the kubelet\'s')).toEqual(['RBAC → RBAC', 'kubelet → kubelet'])
  })

  it('tells the three kinds of probe apart from the probe itself', () => {
    expect(marks('The readiness probe failed; a liveness probe restarts.')).toEqual([
      'readiness probe → readiness probe', 'liveness probe → liveness probe',
    ])
    expect(marks('startupProbe holds livenessProbe back')).toEqual([
      'startupProbe → startup probe', 'livenessProbe → liveness probe',
    ])
    expect(marks('Every probe records Unhealthy')).toEqual(['probe → probe'])
  })

  it('ignores case and spans line breaks inside a multi-word term', () => {
    expect(marks('CNI and cni')).toEqual(['CNI → CNI'])
    expect(marks('The Informer')).toEqual(['Informer → informer'])
    expect(marks('a Veth\npair')).toEqual(['Veth\npair → veth pair'])
  })

  it('marks each entry once, at its first occurrence, whichever spelling it has', () => {
    const text = 'The scheduler sees it; the kube-scheduler picks a node, and the scheduler binds it.'
    expect(findTerms(text).map((f) => [f.start, f.end, f.entry.term])).toEqual([[4, 13, 'kube-scheduler']])
    // A later occurrence of an entry already marked keeps its span: no "container" inside the second "pause container".
    expect(marks('A pause container, then another pause container, then a container.')).toEqual([
      'pause container → pause container', 'container → container',
    ])
  })

  it('returns spans in order that do not overlap', () => {
    const text = 'The kubelet asks the container runtime (containerd, over the CRI) for a pod sandbox: a "pause" container holds its network namespace; CNI adds a veth pair to the bridge and host-local IPAM gives it an IP from the pod CIDR.'
    const found = findTerms(text)
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end)
    expect(found.map((f) => f.entry.term)).toEqual([
      'kubelet', 'container runtime', 'containerd', 'CRI', 'sandbox', 'pause container', 'network namespace', 'CNI',
      'veth pair', 'bridge', 'IPAM', 'pod CIDR',
    ])
  })

  it('finds nothing in a text without jargon, and in the empty text', () => {
    expect(findTerms('')).toEqual([])
    expect(findTerms('Hello, world: 42 apples.')).toEqual([])
  })

  it('finds the jargon of real narration: every step at both depths and every chapter', () => {
    const sims = [
      applyAndRun({ manifests: NGINX }),
      applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - {name: app, image: busybox:1.36, command: ["false"]}\n', untilMs: 3 * 60 * 1000 }),
      applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - {name: app, image: nginx:1.27, resources: {requests: {cpu: "64"}}}\n', untilMs: 60 * 1000 }),
    ]
    const texts: string[] = []
    for (const sim of sims) {
      for (const e of sim.trace) for (const depth of ['story', 'expert'] as const) texts.push(narrate(e, depth).text)
      for (const ch of buildStory(sim.trace).chapters) for (const depth of ['story', 'expert'] as const) texts.push(tellChapter(ch, sim.trace, depth).text)
    }
    const found = new Set<string>()
    for (const t of texts) {
      const spans = findTerms(t)
      for (const f of spans) {
        found.add(f.entry.term)
        expect([f.entry.term, ...f.entry.aliases].map((s) => s.toLowerCase())).toContain(t.slice(f.start, f.end).toLowerCase().replace(/\s+/g, ' '))
      }
      expect(new Set(spans.map((f) => f.entry)).size).toBe(spans.length)
    }
    expect(found.size).toBeGreaterThanOrEqual(20)
    for (const term of ['kubectl', 'kube-apiserver', 'etcd', 'watch', 'kube-scheduler', 'kubelet', 'sandbox', 'CNI', 'taint', 'CrashLoopBackOff', 'preemption']) expect(found, term).toContain(term)
  })

  it('is fast: a thousand narration-sized texts in well under a second', () => {
    const text = 'The scheduler keeps a local copy of the cluster\'s pods, updated through a watch (a long-lived request through which the API server pushes changes). The pod joins activeQ, the queue of pods ready to be scheduled, ordered by priority and then by arrival; a taint it does not tolerate keeps it off the control plane.'
    const t0 = performance.now()
    for (let i = 0; i < 1000; i++) findTerms(text + i)
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})

describe('searchGlossary', () => {
  it('returns every entry for an empty query', () => {
    expect(searchGlossary('  ')).toHaveLength(GLOSSARY.length)
  })

  it('filters by term, alias and definition, the exact name first', () => {
    expect(searchGlossary('veth')[0].term).toBe('veth pair')
    expect(searchGlossary('ErrImagePull')[0].term).toBe('ImagePullBackOff')
    const byDefinition = searchGlossary('long-lived API request').map((e) => e.term)
    expect(byDefinition).toContain('watch')
    expect(searchGlossary('no such thing at all')).toEqual([])
    // Every word must match somewhere in the entry, in any order.
    expect(searchGlossary('grace SIGTERM').map((e) => e.term)).toEqual(expect.arrayContaining(['grace period', 'SIGTERM']))
  })
})
