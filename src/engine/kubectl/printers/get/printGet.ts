/**
 * `kubectl get TYPE[,TYPE…]` for objects already listed: one table per type, kind-qualified names when more than one
 * type was asked for, the NAMESPACE column with -A, LABELS with --show-labels, `-o name`, and the "No resources found"
 * message on stderr.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go Run (multipleGVKsRequested, one printer per mapping, a blank
 * line between groups through separatorWriterWrapper, the notFound message) and printGeneric;
 * staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go decorateTable and printTable (no header for an empty
 * table), name.go (NamePrinter: `kind.group/name`), tabwriter.go (minwidth 6, padding 3).
 */
import type { Deployment, KEvent, Node, ObjectMeta, Pod, ReplicaSet } from '../../../api/types.ts'
import { assertNever } from '../../../events.ts'
import { tabwrite } from '../tabwriter.ts'
import { tableCell } from '../terminal.ts'
import { formatLabels } from './selectors.ts'
import {
  DEPLOYMENT_COLUMNS,
  EVENT_COLUMNS,
  NODE_COLUMNS,
  POD_COLUMNS,
  REPLICASET_COLUMNS,
  type Column,
  deploymentRow,
  eventRow,
  nodeRow,
  podRow,
  replicaSetRow,
} from './tables.ts'

/** One requested resource type and the objects the apiserver listed for it (possibly none). */
export type KindTable =
  | { kind: 'pods'; objects: Pod[] }
  | { kind: 'deployments'; objects: Deployment[] }
  | { kind: 'replicasets'; objects: ReplicaSet[] }
  | { kind: 'nodes'; objects: Node[] }
  | { kind: 'events'; objects: KEvent[] }

export type GetResource = KindTable['kind']

export interface GetOptions {
  /** The namespace asked for (-n, else the context's); named in "No resources found in … namespace.". */
  namespace: string
  /** -A / --all-namespaces. */
  allNamespaces?: boolean
  /** -o: '' (the default table), 'wide' or 'name'. yaml and json are toKubectlYaml / JSON.stringify. */
  output?: '' | 'wide' | 'name'
  showLabels?: boolean
  /** The instant AGE and LAST SEEN are measured at (epoch ms). */
  nowMs: number
}

export interface GetOutput {
  stdout: string
  stderr: string
}

interface KindInfo {
  /** strings.ToLower(GroupKind.String()): the prefix of kind-qualified names. */
  groupKind: string
  namespaced: boolean
  columns: Column[]
  /** The first column with Format "name", which decorateTable prefixes with the kind. */
  nameColumn: number
}

function kindInfo(kind: GetResource): KindInfo {
  switch (kind) {
    case 'pods':
      return { groupKind: 'pod', namespaced: true, columns: POD_COLUMNS, nameColumn: 0 }
    case 'deployments':
      return { groupKind: 'deployment.apps', namespaced: true, columns: DEPLOYMENT_COLUMNS, nameColumn: 0 }
    case 'replicasets':
      return { groupKind: 'replicaset.apps', namespaced: true, columns: REPLICASET_COLUMNS, nameColumn: 0 }
    case 'nodes':
      return { groupKind: 'node', namespaced: false, columns: NODE_COLUMNS, nameColumn: 0 }
    case 'events':
      // kubectl resolves "events" to the core group (v1 Event), not events.k8s.io.
      return { groupKind: 'event', namespaced: true, columns: EVENT_COLUMNS, nameColumn: 9 }
    default:
      return assertNever(kind)
  }
}

interface Listed {
  meta: ObjectMeta
  cells: string[]
}

function rows(t: KindTable, nowMs: number): Listed[] {
  const meta = (o: { metadata?: ObjectMeta }) => o.metadata ?? {}
  switch (t.kind) {
    case 'pods':
      return t.objects.map((o) => ({ meta: meta(o), cells: podRow(o, nowMs) }))
    case 'deployments':
      return t.objects.map((o) => ({ meta: meta(o), cells: deploymentRow(o, nowMs) }))
    case 'replicasets':
      return t.objects.map((o) => ({ meta: meta(o), cells: replicaSetRow(o, nowMs) }))
    case 'nodes':
      return t.objects.map((o) => ({ meta: meta(o), cells: nodeRow(o, nowMs) }))
    case 'events':
      return t.objects.map((o) => ({ meta: meta(o), cells: eventRow(o, nowMs) }))
    default:
      return assertNever(t)
  }
}

/**
 * The apiserver lists in storage key order (namespace, then name) and kubectl get does not re-sort (only
 * --sort-by does), so events come out grouped by the involved object's name, not by time.
 */
const keyOrder = (a: Listed, b: Listed) => {
  const ka = `${a.meta.namespace ?? ''}/${a.meta.name ?? ''}`
  const kb = `${b.meta.namespace ?? ''}/${b.meta.name ?? ''}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** One table as printTable writes it after decorateTable; '' when it has no rows (no header either). */
function printTable(t: KindTable, opts: GetOptions, withKind: boolean): string {
  const info = kindInfo(t.kind)
  const listed = rows(t, opts.nowMs).sort(keyOrder)
  if (listed.length === 0) return ''
  const wide = opts.output === 'wide'
  const withNamespace = !!opts.allNamespaces && info.namespaced
  const shown = info.columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || c.priority === 0)
  const header = [
    ...(withNamespace ? ['NAMESPACE'] : []),
    ...shown.map(({ c }) => c.name.toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ]
  const body = listed.map(({ meta, cells }) => {
    const named = cells.map((cell, i) => (withKind && i === info.nameColumn ? `${info.groupKind}/${cell}` : cell))
    return [
      ...(withNamespace ? [meta.namespace ?? ''] : []),
      ...shown.map(({ i }) => named[i]),
      ...(opts.showLabels ? [formatLabels(meta.labels)] : []),
    ].map(tableCell)
  })
  return `${tabwrite([header, ...body], 3, '', 6)}\n`
}

/** `-o name`: every object as `kind.group/name`, one per line, in the order listed; nothing at all for none. */
function printNames(tables: KindTable[]): string {
  const lines: string[] = []
  for (const t of tables) {
    const info = kindInfo(t.kind)
    const names = rows(t, 0)
      .sort(keyOrder)
      .map((r) => `${info.groupKind}/${r.meta.name ?? ''}`)
    lines.push(...names)
  }
  return lines.map((l) => `${l}\n`).join('')
}

/**
 * printGet renders `kubectl get` for the requested types in the order asked (`deployments,replicasets,pods`), each
 * with the objects already selected (-n/-A, -l, names). Kind-qualified names appear whenever more than one type was
 * requested, even if only one of them has objects: the server returns one (maybe empty) Table per type and
 * multipleGVKsRequested counts those.
 */
export function printGet(kindTables: KindTable[], opts: GetOptions): GetOutput {
  if (opts.output === 'name') return { stdout: printNames(kindTables), stderr: '' }
  const withKind = new Set(kindTables.map((t) => t.kind)).size > 1
  const printed = kindTables.map((t) => printTable(t, opts, withKind)).filter((s) => s.length > 0)
  if (printed.length > 0) return { stdout: printed.join('\n'), stderr: '' }
  const allNamespaced = !opts.allNamespaces && kindTables.every((t) => kindInfo(t.kind).namespaced)
  return {
    stdout: '',
    stderr: allNamespaced ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n',
  }
}
