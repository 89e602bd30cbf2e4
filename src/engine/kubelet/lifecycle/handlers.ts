/**
 * What a lifecycle hook's handler does in the simulation.
 * Mirrors: pkg/kubelet/lifecycle/handlers.go (exec via the runtime, httpGet via Go's net/http, sleep).
 */
import type { Container } from '../../api/types.ts'
import type { RegistryImage } from '../../config.ts'
import { outcomeOf } from '../cri/process.ts'
import type { Outcome } from '../cri/process.ts'

/**
 * runHandler decides what a lifecycle hook's handler does in the simulation: an exec runs the simulated command (a
 * missing binary or a non-zero exit is an error), an httpGet succeeds only if the image listens on the port, a sleep
 * waits. Messages mirror the runtime's exec error and Go's net/http dial error.
 */
export function runHandler(
  c: Container,
  hook: NonNullable<Container['lifecycle']>['postStart'] & object,
  ip: string,
  image: RegistryImage | undefined,
): { kind: 'exec' | 'httpGet' | 'sleep'; what: string; error: string; exec?: Outcome; sleepS: number } {
  if (hook.exec) {
    const exec = outcomeOf(hook.exec.command, image)
    let error = ''
    if (exec.run === 'notFound')
      error = `rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${exec.binary}": executable file not found in $PATH: unknown`
    else if (exec.run === 'exit' && exec.code !== 0)
      error = `command '${(hook.exec.command ?? []).join(' ')}' exited with ${exec.code}: `
    return { kind: 'exec', what: `exec ${JSON.stringify(hook.exec.command ?? [])}`, error, exec, sleepS: 0 }
  }
  if (hook.httpGet) {
    const g = hook.httpGet
    const port =
      typeof g.port === 'number'
        ? g.port
        : ((c.ports ?? []).find((x) => x.name === g.port)?.containerPort ?? Number(g.port))
    const url = `http://${g.host ?? ip}:${port}${g.path ?? '/'}`
    const error = (image?.ports ?? []).includes(port)
      ? ''
      : `Get "${url}": dial tcp ${g.host ?? ip}:${port}: connect: connection refused`
    return { kind: 'httpGet', what: `httpGet ${url}`, error, sleepS: 0 }
  }
  const sleepS = (hook as { sleep?: { seconds?: number } }).sleep?.seconds ?? 0
  return { kind: 'sleep', what: `sleep ${sleepS}s`, error: '', sleepS }
}
