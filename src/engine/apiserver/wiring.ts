/** wiredHooks: the API machinery the apiserver calls (strict decoding, defaulting, validation, admission). */
import { defaultHooks } from './hooks.ts'
import type { ApiHooks } from './hooks.ts'

export const wiredHooks: ApiHooks = { ...defaultHooks }
