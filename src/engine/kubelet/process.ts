/**
 * What a container's process does, decided from its command and image — a tiny, explicit model so that outcomes
 * are computed, not scripted: `sleep N` / `sleep infinity`, `exit N`, `true`, `false`, `sh -c "a; b && c"` of
 * those, an executable the image does not have, or the image's default process.
 */
import type { Container } from '../api/types.ts'
import type { RegistryImage } from '../config.ts'

export type Outcome = { run: 'forever' } | { run: 'exit'; code: number; afterMs: number } | { run: 'notFound'; binary: string }

function step(argv: string[], image: RegistryImage | undefined): Outcome {
  const bin = (argv[0] ?? '').split('/').pop() ?? ''
  if (bin === 'exit') return { run: 'exit', code: Number(argv[1] ?? 0) || 0, afterMs: 10 }
  if (bin === 'true' || bin === 'echo') return { run: 'exit', code: 0, afterMs: 10 }
  if (bin === 'false') return { run: 'exit', code: 1, afterMs: 10 }
  if (image?.binaries && !image.binaries.includes(bin)) return { run: 'notFound', binary: argv[0] }
  if (bin === 'sleep') return argv[1] === 'infinity' ? { run: 'forever' } : { run: 'exit', code: 0, afterMs: Number.parseFloat(argv[1] ?? '0') * 1000 }
  return image?.defaultProcess ?? { run: 'forever' }
}

/** script runs `a; b && c` left to right: the first step that does not finish with 0 decides. */
function script(text: string, image: RegistryImage | undefined): Outcome {
  let elapsed = 0
  for (const part of text.split(/;|&&/).map((s) => s.trim()).filter(Boolean)) {
    const o = step(part.split(/\s+/), image)
    if (o.run !== 'exit') return o
    elapsed += o.afterMs
    if (o.code !== 0) return { ...o, afterMs: elapsed }
  }
  return { run: 'exit', code: 0, afterMs: elapsed }
}

/** outcomeOf: what the container's main process will do. */
export function outcomeOf(argv: string[] | undefined, image: RegistryImage | undefined): Outcome {
  if (!argv || argv.length === 0) return image?.defaultProcess ?? { run: 'forever' }
  const bin = argv[0].split('/').pop()
  if ((bin === 'sh' || bin === 'bash') && argv[1] === '-c') {
    if (image?.binaries && !image.binaries.includes(bin)) return { run: 'notFound', binary: argv[0] }
    return script(argv.slice(2).join(' '), image)
  }
  return step(argv, image)
}

/** containerArgv: command + args as the runtime will exec them (image defaults when unset). */
export function containerArgv(c: Container): string[] | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])]
  return argv.length ? argv : undefined
}
