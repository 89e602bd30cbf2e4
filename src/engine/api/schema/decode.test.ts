import { describe, expect, it } from 'vitest'
import type { KObject } from '../types.ts'
import { QUANTITY_FORMAT_WRONG } from '../quantity.ts'
import { API_KINDS, decodeObject, isTypeError, strictDecode, strictDecodeMessage } from './index.ts'
import { decode } from './decode.ts'
import { KUBECONFIG_TREE } from './configTrees.ts'

// The apiserver's 400 for a body that does not decode: rest.go transformDecodeError around the json serializer's
// error (encoding/json's UnmarshalTypeError, a custom UnmarshalJSON's error, or the strict decoding errors).
const answer = (obj: KObject) => {
  const errors = strictDecode(obj)
  return errors.length ? strictDecodeMessage(obj, errors) : undefined
}
const obj = (kind: string, rest: Record<string, unknown>): KObject =>
  ({ apiVersion: API_KINDS[kind], kind, metadata: { name: 'x' }, ...rest }) as KObject
const c0 = (container: Record<string, unknown>) => ({ containers: [{ name: 'c', image: 'i', ...container }] })
const unmarshal = (what: string, where: string, type: string) =>
  `json: cannot unmarshal ${what} into Go struct field ${where} of type ${type}`

type Row = [string, Record<string, unknown>, string | undefined]

// One table per kind: a wrong type, a null (Go's zero value: no error), an unknown field.
const TABLE: Record<string, Row[]> = {
  Pod: [
    ['a string port', { spec: c0({ ports: [{ containerPort: '80' }] }) },
      unmarshal('string', 'ContainerPort.spec.containers.ports.containerPort', 'int32')],
    ['a null affinity', { spec: { ...c0({}), affinity: null } }, undefined],
    ['an unknown field', { spec: { ...c0({}), foo: 1 } }, 'strict decoding error: unknown field "spec.foo"'],
    ['a string container', { spec: { containers: ['nginx'] } },
      unmarshal('string', 'PodSpec.spec.containers', 'v1.Container')],
  ],
  Node: [
    ['a string unschedulable', { spec: { unschedulable: 'yes' } },
      unmarshal('string', 'NodeSpec.spec.unschedulable', 'bool')],
    ['a null capacity', { status: { capacity: null } }, undefined],
    ['an unknown status field', { status: { foo: 1 } }, 'strict decoding error: unknown field "status.foo"'],
    ['a bool capacity', { status: { capacity: { cpu: true } } }, QUANTITY_FORMAT_WRONG],
  ],
  Namespace: [
    ['a list of labels', { metadata: { name: 'x', labels: ['a'] } },
      unmarshal('array', 'ObjectMeta.metadata.labels', 'map[string]string')],
    ['a null spec', { spec: null }, undefined],
    ['an unknown field', { spec: { foo: 1 } }, 'strict decoding error: unknown field "spec.foo"'],
  ],
  ServiceAccount: [
    ['a string bool', { automountServiceAccountToken: 'true' },
      unmarshal('string', 'ServiceAccount.automountServiceAccountToken', 'bool')],
    ['a number secret', { secrets: [1] }, unmarshal('number', 'ServiceAccount.secrets', 'v1.ObjectReference')],
    ['null secrets', { secrets: [null] }, undefined],
    ['an unknown field', { foo: 1 }, 'strict decoding error: unknown field "foo"'],
  ],
  Role: [
    ['a mapping of rules', { rules: {} }, unmarshal('object', 'Role.rules', '[]v1.PolicyRule')],
    ['a string verbs', { rules: [{ verbs: 'get' }] }, unmarshal('string', 'PolicyRule.rules.verbs', '[]string')],
    ['a null rule', { rules: [null] }, undefined],
    ['an unknown rule field', { rules: [{ verb: ['get'] }] }, 'strict decoding error: unknown field "rules[0].verb"'],
  ],
  RoleBinding: [
    ['a string roleRef', { roleRef: 'admin' }, unmarshal('string', 'RoleBinding.roleRef', 'v1.RoleRef')],
    ['a number subject kind', { subjects: [{ kind: 1 }] }, unmarshal('number', 'Subject.subjects.kind', 'string')],
    ['a null subjects', { subjects: null }, undefined],
    ['an unknown field', { roleRef: { foo: 1 } }, 'strict decoding error: unknown field "roleRef.foo"'],
  ],
  ClusterRole: [
    ['a number label value', { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 1 } }] } },
      unmarshal('number', 'LabelSelector.aggregationRule.clusterRoleSelectors.matchLabels', 'string')],
    ['a null rule', { rules: [null] }, undefined],
    ['an unknown field', { rule: [] }, 'strict decoding error: unknown field "rule"'],
  ],
  ClusterRoleBinding: [
    ['a string subjects', { subjects: 'x' }, unmarshal('string', 'ClusterRoleBinding.subjects', '[]v1.Subject')],
    ['a null roleRef', { roleRef: null }, undefined],
    ['two unknown fields', { a: 1, b: 2 }, 'strict decoding error: unknown field "a", unknown field "b"'],
  ],
  ResourceQuota: [
    ['a string hard', { spec: { hard: 'x' } }, unmarshal('string', 'ResourceQuotaSpec.spec.hard', 'v1.ResourceList')],
    ['a malformed quantity', { spec: { hard: { cpu: 'abc' } } }, QUANTITY_FORMAT_WRONG],
    ['a null quantity', { spec: { hard: { cpu: null } } }, undefined],
    ['an unknown field', { spec: { hrad: {} } }, 'strict decoding error: unknown field "spec.hrad"'],
  ],
  LimitRange: [
    // ParseQuantity: "1x" stops at a character that is neither a suffix nor an exponent (ErrFormatWrong).
    ['a malformed max', { spec: { limits: [{ type: 'Container', max: { cpu: '1x' } }] } }, QUANTITY_FORMAT_WRONG],
    ['a number type', { spec: { limits: [{ type: 1 }] } },
      unmarshal('number', 'LimitRangeItem.spec.limits.type', 'string')],
    ['a null limit', { spec: { limits: [null] } }, undefined],
    ['an unknown field', { spec: { limits: [{ maximum: {} }] } },
      'strict decoding error: unknown field "spec.limits[0].maximum"'],
  ],
  PriorityClass: [
    ['a string value', { value: '1000' }, unmarshal('string', 'PriorityClass.value', 'int32')],
    ['a fraction', { value: 1.5 }, unmarshal('number 1.5', 'PriorityClass.value', 'int32')],
    ['past int32', { value: 3000000000 }, unmarshal('number 3000000000', 'PriorityClass.value', 'int32')],
    ['a null description', { value: 1, description: null }, undefined],
    ['an unknown field', { value: 1, priority: 2 }, 'strict decoding error: unknown field "priority"'],
  ],
  Service: [
    ['a bool targetPort (IntOrString: no field context)', { spec: { ports: [{ port: 80, targetPort: true }] } },
      'json: cannot unmarshal bool into Go value of type int32'],
    ['a fractional targetPort', { spec: { ports: [{ port: 80, targetPort: 8.5 }] } },
      'json: cannot unmarshal number 8.5 into Go value of type int32'],
    ['a string port', { spec: { ports: [{ port: '80' }] } },
      unmarshal('string', 'ServicePort.spec.ports.port', 'int32')],
    ['a null selector', { spec: { selector: null } }, undefined],
    ['an unknown field', { spec: { ports: [{ port: 80, target: 1 }] } },
      'strict decoding error: unknown field "spec.ports[0].target"'],
  ],
  ConfigMap: [
    ['a number value', { data: { a: 1 } }, unmarshal('number', 'ConfigMap.data', 'string')],
    ['a null value', { data: { a: null } }, undefined],
    ['an unknown field', { date: {} }, 'strict decoding error: unknown field "date"'],
  ],
  Secret: [
    ['a number value ([]byte)', { data: { a: 1 } }, unmarshal('number', 'Secret.data', '[]uint8')],
    ['a string immutable', { immutable: 'yes' }, unmarshal('string', 'Secret.immutable', 'bool')],
    ['a null data', { data: null }, undefined],
    ['an unknown field', { stringdata: {} }, 'strict decoding error: unknown field "stringdata"'],
  ],
  ReplicaSet: [
    ['a string replicas', { spec: { replicas: '3' } }, unmarshal('string', 'ReplicaSetSpec.spec.replicas', 'int32')],
    ['a null template', { spec: { template: null } }, undefined],
    ['an unknown field', { spec: { replica: 3 } }, 'strict decoding error: unknown field "spec.replica"'],
  ],
  StatefulSet: [
    ['a number serviceName', { spec: { serviceName: 1 } },
      unmarshal('number', 'StatefulSetSpec.spec.serviceName', 'string')],
    ['a null volumeClaimTemplates', { spec: { volumeClaimTemplates: null } }, undefined],
    ['an unknown field', { spec: { service: 'a' } }, 'strict decoding error: unknown field "spec.service"'],
  ],
  ReplicationController: [
    ['a list selector', { spec: { selector: ['a'] } },
      unmarshal('array', 'ReplicationControllerSpec.spec.selector', 'map[string]string')],
    ['a null spec', { spec: null }, undefined],
    ['an unknown field', { spec: { foo: 1 } }, 'strict decoding error: unknown field "spec.foo"'],
  ],
  Deployment: [
    ['a string replicas', { spec: { replicas: '3' } }, unmarshal('string', 'DeploymentSpec.spec.replicas', 'int32')],
    ['a bool maxSurge', { spec: { strategy: { rollingUpdate: { maxSurge: true } } } },
      'json: cannot unmarshal bool into Go value of type int32'],
    ['a malformed cpu in the template', { spec: { template: { spec: c0({ resources: { limits: { cpu: 'x' } } }) } } },
      QUANTITY_FORMAT_WRONG],
    ['a null strategy', { spec: { strategy: null } }, undefined],
    ['an unknown container field', { spec: { template: { spec: c0({ foo: 1 }) } } },
      'strict decoding error: unknown field "spec.template.spec.containers[0].foo"'],
  ],
  Event: [
    ['a string count', { count: '1' }, unmarshal('string', 'Event.count', 'int32')],
    ['a number timestamp (metav1.Time: no field context)', { firstTimestamp: 5 },
      'json: cannot unmarshal number into Go value of type string'],
    ['a null involvedObject', { involvedObject: null }, undefined],
    ['an unknown field', { involved: {} }, 'strict decoding error: unknown field "involved"'],
  ],
}

describe('strictDecode: every kind podbirth accepts', () => {
  it('has a table for every kind', () => expect(Object.keys(TABLE).sort()).toEqual(Object.keys(API_KINDS).sort()))
  for (const [kind, rows] of Object.entries(TABLE)) {
    describe(kind, () => {
      for (const [name, rest, why] of rows) {
        it(name, () => {
          const o = obj(kind, rest)
          const version = API_KINDS[kind].split('/').pop()
          expect(answer(o)).toBe(why && `${kind} in version "${version}" cannot be handled as a ${kind}: ${why}`)
        })
      }
    })
  }
})

describe('strictDecode: encoding/json order', () => {
  it('the first wrong type in document order wins', () => {
    const errors = strictDecode(obj('Pod', { spec: { priority: 'a', ...c0({}), hostNetwork: 'b' } }))
    expect(errors).toEqual([unmarshal('string', 'PodSpec.spec.priority', 'int32')])
    expect(isTypeError(errors)).toBe(true)
  })
  it('a custom UnmarshalJSON error stops decoding and wins over a saved type error', () => {
    const o = obj('Pod', { spec: { priority: 'a', ...c0({ resources: { limits: { cpu: 'x' } } }) } })
    expect(strictDecode(o)).toEqual([QUANTITY_FORMAT_WRONG])
  })
  it('a type error fails decoding; the unknown fields are then not reported', () => {
    expect(strictDecode(obj('Pod', { foo: 1, spec: { priority: 'a' } }))).toEqual([
      unmarshal('string', 'PodSpec.spec.priority', 'int32')])
  })
  it('an unknown kind or version is not decoded', () => {
    expect(strictDecode({ apiVersion: 'apps/v1beta1', kind: 'Deployment', spec: { replicas: 'a' } } as KObject))
      .toEqual([])
    expect(decodeObject({ apiVersion: 'v1', kind: 'Widget' } as KObject)).toBeUndefined()
  })
  it('int64 fields take what int32 fields refuse', () => {
    expect(strictDecode(obj('Pod', { spec: { ...c0({}), activeDeadlineSeconds: 3000000000 } }))).toEqual([])
  })
  it('reports the path of the offending value', () => {
    const d = decodeObject(obj('Deployment', { spec: { template: { spec: c0({ ports: [{ containerPort: 'a' }] }) } } }))
    expect(d?.error?.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])
  })
})

describe('decode: a kubeconfig as clientcmd v1.Config', () => {
  it('wrong types in the named lists', () => {
    expect(decode(KUBECONFIG_TREE, 'Config', { clusters: 'x' }).error?.message)
      .toBe(unmarshal('string', 'Config.clusters', '[]v1.NamedCluster'))
    expect(decode(KUBECONFIG_TREE, 'Config', { users: [{ name: 'a', user: { token: 1 } }] }).error?.message)
      .toBe(unmarshal('number', 'AuthInfo.users.user.token', 'string'))
    expect(decode(KUBECONFIG_TREE, 'Config', { users: [null, { user: null }] }).error).toBeUndefined()
  })
})
