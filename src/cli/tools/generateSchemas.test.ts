import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  FIELDS_JSON, POD_SCHEMA_JSON, ROOT_FILES, fieldsJsonText, generate, goField, jsonSchema, podSchemaText,
} from './generateSchemas.ts'

describe('generateSchemas', () => {
  it('the committed fields.json is what the generator makes from kubernetes-models', () => {
    expect(readFileSync(FIELDS_JSON, 'utf8')).toBe(fieldsJsonText())
  })
  it('the committed editor schema (src/ui/editor/pod.schema.json) is current too', () => {
    expect(readFileSync(POD_SCHEMA_JSON, 'utf8')).toBe(podSchemaText())
  })

  it('has a root struct for every kind podbirth accepts, shared types once', () => {
    const t = JSON.parse(fieldsJsonText()) as Record<string, Record<string, string>>
    for (const kind of Object.keys(ROOT_FILES)) expect(t[kind]?.metadata, kind).toBe('ObjectMeta')
    expect(t.Deployment.spec).toBe('DeploymentSpec')
    expect(t.ReplicaSetSpec.template).toBe('PodTemplateSpec')
    expect(t.PodTemplateSpec.spec).toBe('PodSpec')
  })

  it('keeps Go integer widths and special types from the OpenAPI formats (spot checks, kubernetes-models)', () => {
    const t = JSON.parse(fieldsJsonText()) as Record<string, Record<string, string>>
    expect(t.DeploymentSpec.replicas).toBe('int32')
    expect(t.PodSpec.activeDeadlineSeconds).toBe('int64')
    expect(t.PodSecurityContext.supplementalGroups).toBe('[int64')
    expect(t.Toleration.tolerationSeconds).toBe('int64')
    expect(t.PriorityClass.value).toBe('int32')
    expect(t.Secret.data).toBe('{bytes')
    expect(t.ConfigMap.data).toBe('{string')
    expect(t.ResourceRequirements.limits).toBe('{quantity')
    expect(t.ServicePort.targetPort).toBe('intstr')
    expect(t.ObjectMeta.creationTimestamp).toBe('time')
    expect(t.Event.eventTime).toBe('time')
    expect(t.RoleBinding.subjects).toBe('[Subject')
    expect(t.PodSpec.containers).toBe('[Container')
    // declared inline by kubernetes-models; upstream's Go type is []v1.PersistentVolumeClaim
    expect(t.StatefulSetSpec.volumeClaimTemplates).toBe('[PersistentVolumeClaim')
    expect(t.PersistentVolumeClaim.spec).toBe('PersistentVolumeClaimSpec')
    expect(goField({ kind: 'map', scalar: 'number', format: 'int64' })).toBe('{int64')
  })

  it('keeps enums and descriptions for validation and hover', () => {
    type Props = Record<string, { enum?: string[]; description?: string }>
    const s = jsonSchema(generate(['Pod'])) as
      { definitions: Record<string, { properties: Props; additionalProperties: boolean }> }
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
