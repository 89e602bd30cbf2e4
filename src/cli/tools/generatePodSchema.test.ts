import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generate, jsonSchema } from './generatePodSchema.ts'

describe('generatePodSchema', () => {
  it('the committed pod.fields.json is what the generator makes from kubernetes-models', () => {
    const committed = readFileSync(new URL('../../engine/api/schema/pod.fields.json', import.meta.url), 'utf8')
    expect(committed).toBe(`${JSON.stringify(generate(), null, 1)}\n`)
  })
  it('the committed editor schema (src/ui/editor/pod.schema.json) is current too', () => {
    const committed = readFileSync(new URL('../../ui/editor/pod.schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(`${JSON.stringify(jsonSchema(generate()))}\n`)
  })

  it('keeps enums and descriptions for validation and hover', () => {
    const s = jsonSchema(generate()) as { definitions: Record<string, { properties: Record<string, { enum?: string[]; description?: string }>; additionalProperties: boolean }> }
    expect(s.definitions.PodSpec.properties.restartPolicy.enum).toEqual(['Always', 'Never', 'OnFailure'])
    expect(s.definitions.Container.properties.image.description).toMatch(/Container image name/)
    expect(s.definitions.Container.additionalProperties).toBe(false)
  })

  it('knows v1.35 fields (restartPolicyRules, hostnameOverride) and nested types', () => {
    const t = generate()
    expect(t.Container.restartPolicyRules).toMatchObject({ kind: 'array' })
    expect(t.PodSpec.hostnameOverride).toMatchObject({ kind: 'scalar', scalar: 'string' })
    expect(t.PodSpec.containers).toEqual({ kind: 'array', required: true, type: 'Container' })
    expect(t.ResourceRequirements.limits).toEqual({ kind: 'map', scalar: 'quantity' })
  })
})
