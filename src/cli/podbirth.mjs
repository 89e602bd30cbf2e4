#!/usr/bin/env node
// The podbirth command: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
process.exitCode = main(process.argv.slice(2))
