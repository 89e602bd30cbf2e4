/** wiredHooks: the API machinery the apiserver calls (strict decoding, defaulting, validation, admission). */
import { defaultPod } from '../api/defaults.ts'
import type { Pod } from '../api/types.ts'
import { validatePodCreate } from '../api/validation.ts'
import { strictDecode, strictDecodeMessage } from '../api/schema/index.ts'
import { admissionPlugins, computeQuotaUsage } from './admission/index.ts'
import { defaultHooks } from './hooks.ts'
import { strategyFor } from './strategies.ts'
import type { ApiHooks } from './hooks.ts'

export const wiredHooks: ApiHooks = {
  ...defaultHooks,
  applyDefaults: (obj) => (obj.kind === 'Pod' ? defaultPod(obj) : strategyFor(obj.kind)?.defaults(obj) ?? obj),
  validateCreate: (obj) => (obj.kind === 'Pod' ? validatePodCreate(obj as Pod) : strategyFor(obj.kind)?.validate(obj) ?? []),
  admissionPlugins,
  strictDecode,
  strictDecodeMessage,
  computeQuotaUsage,
}
