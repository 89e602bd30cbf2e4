/** Values from staging/src/k8s.io/kubectl/pkg/describe/describe_test.go (v0.35), tests named per case. */
import { describe, expect, it } from 'vitest'
import type { Toleration } from '../../../api/types.ts'
import { printAnnotationsMultiline, printLabelsMultiline, printPodTolerationsMultiline } from './multiline.ts'
import { PrefixWriter } from './tabwriter.ts'

const raw = (f: (w: PrefixWriter) => void) => {
  const w = new PrefixWriter()
  f(w)
  return w.raw()
}

describe('printAnnotationsMultiline', () => {
  const key = 'MaxLenAnnotation'
  const value = 'a'.repeat(140 - key.length - 2)
  // TestPrintLabelsMultiline (it tests printAnnotationsMultiline): the table's annotations and expectPrint.
  it.each([
    [{ col1: 'asd', COL2: 'zxc' }, 'Annotations:\tCOL2: zxc\n\tcol1: asd\n'],
    [{ MaxLenAnnotation: value }, `Annotations:\t${key}: ${value}\n`],
    [{ MaxLenAnnotation: `${value}1` }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ MaxLenAnnotation: value + value }, `Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n`],
    [{ key: 'value\nwith\nnewlines\n' }, 'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n'],
    [{}, 'Annotations:\t<none>\n'],
  ])('TestPrintLabelsMultiline %#', (annotations: Record<string, string>, want) => {
    expect(raw((w) => printAnnotationsMultiline(w, 'Annotations', annotations))).toBe(want)
  })

  it('skips kubectl.kubernetes.io/last-applied-configuration (describe.go skipAnnotations)', () => {
    const a = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }
    expect(raw((w) => printAnnotationsMultiline(w, 'Annotations', a))).toBe('Annotations:\t<none>\n')
  })
})

describe('printLabelsMultiline', () => {
  it('sorted key=value lines, the later ones after a tab; <none> when empty', () => {
    expect(raw((w) => printLabelsMultiline(w, 'Labels', { tier: 'web', app: 'nginx' }))).toBe(
      'Labels:\tapp=nginx\n\ttier=web\n',
    )
    expect(raw((w) => printLabelsMultiline(w, 'Node-Selectors', undefined))).toBe('Node-Selectors:\t<none>\n')
  })
})

describe('printPodTolerationsMultiline', () => {
  // TestDescribePodTolerations: its tolerations and the lines it expects in the output.
  it('TestDescribePodTolerations', () => {
    const tolerations: Toleration[] = [
      { operator: 'Exists' },
      { effect: 'NoSchedule', operator: 'Exists' },
      { key: 'key0', operator: 'Exists' },
      { key: 'key1', value: 'value1' },
      { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
      { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
    ]
    const out = new PrefixWriter()
    printPodTolerationsMultiline(out, 'Tolerations', tolerations)
    const text = out.toString()
    for (const want of [
      '  op=Exists\n',
      ':NoSchedule op=Exists\n',
      'key0 op=Exists\n',
      'key1=value1\n',
      'key2=value2:NoSchedule\n',
      'key3=value3:NoExecute for 300s\n',
      'key4:NoExecute for 60s\n',
      'Tolerations:',
    ])
      expect(text).toContain(want)
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Tolerations:  op=Exists',
      '              :NoSchedule op=Exists',
      '              key0 op=Exists',
    ])
  })
})
