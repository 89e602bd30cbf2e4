#!/usr/bin/env node
// The podbirth command: runs the TypeScript sources, from a bundle of them kept while they do not change
// (bundle.mjs), else through tsx (no build step either way).
import { loadBundledMain } from './bundle.mjs'
import { tuneV8, tuneV8ForOutput } from './v8flags.mjs'

tuneV8()

// A write that fails must not end in Node's stack trace. `podbirth apply … | head`: once the reader has gone, a write
// fails with EPIPE; stop quietly, as kubectl does (Go dies of SIGPIPE without a word). Any other failure (a full
// disk, `> /dev/full`): one line saying so, and exit 74 (sysexits' EX_IOERR).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0)
    if (stream === process.stdout) process.stderr.write(`podbirth: cannot write the output: ${e.message}\n`)
    process.exit(74)
  })
}

let main = loadBundledMain()
if (!main) {
  const { register } = await import('tsx/esm/api')
  register()
  main = (await import('./main.ts')).main
}
// Once a command has simulated, its output is written with V8's default inlining again (v8flags.mjs).
process.exitCode = main(process.argv.slice(2), { simulated: tuneV8ForOutput })
