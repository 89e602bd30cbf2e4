#!/usr/bin/env node
// The podbirth command: runs the TypeScript sources, from a bundle of them kept while they do not change
// (bundle.mjs), else through tsx (no build step either way).
import { loadBundledMain } from './bundle.mjs'
import { tuneV8, tuneV8ForOutput } from './v8flags.mjs'

tuneV8()

// `podbirth apply … | head`: once the reader has gone, a write fails with EPIPE. Stop quietly, as kubectl does
// (Go dies of SIGPIPE without a word), instead of Node's unhandled-error stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

let main = loadBundledMain()
if (!main) {
  const { register } = await import('tsx/esm/api')
  register()
  main = (await import('./main.ts')).main
}
// Once a command has simulated, its output is written with V8's default inlining again (v8flags.mjs).
const stdio = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), simulated: tuneV8ForOutput }
process.exitCode = main(process.argv.slice(2), stdio)
