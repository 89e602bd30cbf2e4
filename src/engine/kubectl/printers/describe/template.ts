/**
 * The `Pod Template:` section of `kubectl describe deployment` and `describe replicaset`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribePodTemplate (kubectl v0.35), which calls
 * describeContainers, describeVolumes and describeTopologySpreadConstraints with space "  ": that space goes before
 * each section title and one extra space before each container or volume name; everything else is written exactly
 * as for a pod.
 */
import type { LabelSelector, Pod, PodTemplateSpec } from '../../../api/types.ts'
import { formatLabelSelector } from '../get/selectors.ts'
import { describeContainers } from './containers.ts'
import { printAnnotationsMultiline, printLabelsMultiline, printPodTolerationsMultiline } from './multiline.ts'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter.ts'
import { describeVolumes } from './volumes.ts'

const TEMPLATE_SPACE = '  '

/**
 * TemplateWriter is the describers' PrefixWriter with upstream's `space` argument: while `space` is set, a section
 * title (LEVEL_0) gets it in front and a container or volume name line (LEVEL_1, ending in ':') gets one space, as
 * describeContainersLabel, describeContainerBasicInfo and describeVolumes write them.
 */
export class TemplateWriter extends PrefixWriter {
  space = ''

  override write(level: number, text: string): void {
    if (this.space.length > 0 && level === LEVEL_0) super.write(level, this.space + text)
    else if (this.space.length > 0 && level === LEVEL_1 && text.endsWith(':\n')) super.write(level, ` ${text}`)
    else super.write(level, text)
  }

  /** withSpace runs one upstream helper called with space "  ". */
  withSpace(f: () => void): void {
    this.space = TEMPLATE_SPACE
    try {
      f()
    } finally {
      this.space = ''
    }
  }
}

type Spread = NonNullable<NonNullable<Pod['spec']>['topologySpreadConstraints']>[number]

function describeTopologySpreadConstraints(tscs: Spread[] | undefined, w: PrefixWriter, space: string): void {
  const sorted = [...(tscs ?? [])].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  )
  if (sorted.length === 0) return
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    const sel: LabelSelector | undefined = t.labelSelector
    if (sel) line += ` for selector ${formatLabelSelector(sel)}`
    w.write(LEVEL_0, `${line}\n`)
  })
}

/** describePodTemplate writes `Pod Template:` and the template's labels, containers, volumes and scheduling fields. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: TemplateWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    // Upstream writes no newline here either.
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec ?? { containers: [] }
  printLabelsMultiline(w, `${TEMPLATE_SPACE}Labels`, template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, `${TEMPLATE_SPACE}Annotations`, template.metadata?.annotations)
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  // A template has no status and no pod: downward-API env values resolve to "" as with a nil EnvVarResolverFunc.
  const pod: Pod = { metadata: {}, spec }
  w.withSpace(() => {
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec.initContainers ?? [], undefined, pod, w)
    }
    describeContainers('Containers', spec.containers ?? [], undefined, pod, w)
    describeVolumes(spec.volumes, w)
  })
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, TEMPLATE_SPACE)
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, `${TEMPLATE_SPACE}Node-Selectors`, spec.nodeSelector)
  printPodTolerationsMultiline(w, `${TEMPLATE_SPACE}Tolerations`, spec.tolerations)
}
