/**
 * ImageLocality, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go (TestImageLocalityPriority,
 * TestNormalizedImageName). Same inputs, same expected outputs; the arithmetic is in a comment per case.
 * Score: sum over the pod's (init) containers of size·(nodes having the image / all nodes), clamped to
 * [23MB, 1000MB·containers], then 100·(sum − 23MB)/(1000MB·containers − 23MB), truncated.
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, node, pod, scoreAll } from '../testing.ts'
import { normalizedImageName } from './ImageLocality.ts'

const mb = 1024 * 1024
const img = (size: number, ...names: string[]) => ({ names, sizeBytes: size * mb })

const node403002000 = [img(40, 'gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'), img(300, 'gcr.io/300:latest', 'gcr.io/300:v1'), img(2000, 'gcr.io/2000:latest')]
const node25010 = [img(250, 'gcr.io/250:latest'), img(10, 'gcr.io/10:latest', 'gcr.io/10:v1')]
const node60040900 = [img(600, 'gcr.io/600:latest'), img(40, 'gcr.io/40:latest'), img(900, 'gcr.io/900:latest')]
const node300600900 = [img(300, 'gcr.io/300:latest'), img(600, 'gcr.io/600:latest'), img(900, 'gcr.io/900:latest')]
const node400030 = [img(4000, 'gcr.io/4000:latest'), img(30, 'gcr.io/30:latest')]
const node203040 = [img(20, 'gcr.io/20:latest'), img(30, 'gcr.io/30:latest'), img(40, 'gcr.io/40:latest')]
const noImages: { names: string[]; sizeBytes: number }[] = []

const imageNode = (name: string, images: { names: string[]; sizeBytes: number }[]): Node => node(name, images.length ? { images } : {})
const imagePod = (images: string[], init: string[] = []): Pod =>
  pod('p', { images, spec: init.length ? { initContainers: init.map((image, i) => ({ name: `i${i}`, image })) } : {} })

describe('ImageLocality (TestImageLocalityPriority)', () => {
  const cases: { name: string; pod: Pod; nodes: Node[]; want: Record<string, number> }[] = [
    {
      // node1: gcr.io/40 40MB·1/2 = 20MB < 23MB ⇒ 0.
      // node2: gcr.io/250 250MB·1/2 = 125MB ⇒ 100·(125−23)/(2000−23) = 5.
      name: 'two images spread on two nodes, prefer the larger image one', pod: imagePod(['gcr.io/40', 'gcr.io/250']),
      nodes: [imageNode('node1', node403002000), imageNode('node2', node25010)], want: { node1: 0, node2: 5 },
    },
    {
      // node1: (40MB + 300MB)·1/2 = 170MB ⇒ 100·(170−23)/(2000−23) = 7. node2: none ⇒ 0.
      name: 'two images on one node, prefer this node', pod: imagePod(['gcr.io/40', 'gcr.io/300']),
      nodes: [imageNode('node1', node403002000), imageNode('node2', node25010)], want: { node1: 7, node2: 0 },
    },
    {
      // node1: gcr.io/4000 4000MB·1/2 = 2000MB ≥ 1000MB·2 ⇒ clamped ⇒ 100. node2: gcr.io/10 10MB·1/2 < 23MB ⇒ 0.
      name: 'if exceed limit, use limit', pod: imagePod(['gcr.io/10', 'gcr.io/4000']),
      nodes: [imageNode('node1', node400030), imageNode('node2', node25010)], want: { node1: 100, node2: 0 },
    },
    {
      // node1: 4000MB·1/3 = 1333MB ⇒ 100·(1333−23)/(2000−23) = 66. node2: 10MB·1/3 < 23MB ⇒ 0. node3: 0.
      name: 'if exceed limit, use limit (with node which has no images present)', pod: imagePod(['gcr.io/10', 'gcr.io/4000']),
      nodes: [imageNode('node1', node400030), imageNode('node2', node25010), imageNode('node3', noImages)],
      want: { node1: 66, node2: 0, node3: 0 },
    },
    {
      // node1: 600MB·2/3 + 900MB·2/3 = 1000MB ⇒ 100·(1000−23)/(3000−23) = 32.
      // node2: 300MB·1/3 + 600MB·2/3 + 900MB·2/3 = 1100MB ⇒ 100·(1100−23)/(3000−23) = 36. node3: 0.
      name: 'pod with multiple large images, node2 is preferred', pod: imagePod(['gcr.io/300', 'gcr.io/600', 'gcr.io/900']),
      nodes: [imageNode('node1', node60040900), imageNode('node2', node300600900), imageNode('node3', noImages)],
      want: { node1: 32, node2: 36, node3: 0 },
    },
    {
      // node1: 30MB·2/2 + 40MB·1/2 = 50MB ⇒ 100·(50−23)/(2000−23) = 1. node2: 30MB·2/2 = 30MB ⇒ 100·7/1977 = 0.
      name: 'pod with multiple small images', pod: imagePod(['gcr.io/30', 'gcr.io/40']),
      nodes: [imageNode('node1', node203040), imageNode('node2', node400030)], want: { node1: 1, node2: 0 },
    },
    {
      // Containers: gcr.io/30 + init gcr.io/300 (2 containers).
      // node1: 300MB·1/2 = 150MB ⇒ 100·(150−23)/(2000−23) = 6. node2: 30MB·1/2 = 15MB < 23MB ⇒ 0.
      name: 'include InitContainers: two images spread on two nodes, prefer the larger image one', pod: imagePod(['gcr.io/30'], ['gcr.io/300']),
      nodes: [imageNode('node1', node403002000), imageNode('node2', node203040)], want: { node1: 6, node2: 0 },
    },
  ]
  it.each(cases)('$name', ({ pod: p, nodes, want }) => {
    // ImageLocality has no NormalizeScore: normalized = raw.
    expect(scoreAll(cluster(nodes), 'ImageLocality', p)).toEqual({ raw: want, normalized: want })
  })
})

describe('normalizedImageName (TestNormalizedImageName)', () => {
  const digest = 'sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2'
  it.each([
    { name: 'add :latest postfix 1', input: 'root', want: 'root:latest' },
    { name: 'add :latest postfix 2', input: 'gcr.io:5000/root', want: 'gcr.io:5000/root:latest' },
    { name: 'keep it as is 1', input: 'root:tag', want: 'root:tag' },
    { name: 'keep it as is 2', input: `root@${digest}`, want: `root@${digest}` },
  ])('$name', ({ input, want }) => expect(normalizedImageName(input)).toBe(want))
})
