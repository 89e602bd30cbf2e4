import { describe, expect, it } from 'vitest'
import { formatScript, parseScript, shellQuote, type ScriptCommand } from './script.ts'

const commands = (text: string, fileName = 'demo/script.sh'): ScriptCommand[] => {
  const r = parseScript(text, fileName)
  if ('error' in r) throw new Error(`line ${r.error.line}: ${r.error.message}`)
  return r.commands
}
const error = (text: string) => {
  const r = parseScript(text, 's.sh')
  if (!('error' in r)) throw new Error('parsed')
  return r.error
}

describe('parseScript', () => {
  it('reads kubectl and sleep lines, comments, blank lines and set options', () => {
    const text = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'set -x',
      '',
      '# create the pod',
      'kubectl apply -f pod.yaml   # from the same folder',
      'sleep 2',
      'sleep 0.5',
      'sleep 1m',
      'kubectl get pods -o wide',
    ].join('\n')
    expect(commands(text)).toEqual([
      {
        kind: 'kubectl',
        line: 6,
        argv: ['apply', '-f', 'pod.yaml'],
        files: [{ arg: 'pod.yaml', path: 'demo/pod.yaml' }],
      },
      { kind: 'sleep', line: 7, sleepSeconds: 2 },
      { kind: 'sleep', line: 8, sleepSeconds: 0.5 },
      { kind: 'sleep', line: 9, sleepSeconds: 60 },
      { kind: 'kubectl', line: 10, argv: ['get', 'pods', '-o', 'wide'], files: [] },
    ])
  })

  it('joins continuation lines and keeps the first line’s number', () => {
    const c = commands(
      '\nkubectl create deployment web \\\n  --image=nginx:1.27 \\\n  --replicas=3\nkubectl get deploy\n',
    )
    expect(c[0]).toMatchObject({ line: 2, argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'] })
    expect(c[1]).toMatchObject({ line: 5 })
  })

  it('follows bash quoting', () => {
    const c = commands(`kubectl label pods x 'a=b c' "d=\\"e\\" \\$f" g\\ h 'it'\\''s' "#not-a-comment" x#y\n`)
    expect(c[0]).toMatchObject({
      argv: ['label', 'pods', 'x', 'a=b c', 'd="e" $f', 'g h', "it's", '#not-a-comment', 'x#y'],
    })
  })

  it('resolves -f files against the script’s folder, several forms, not - or URLs', () => {
    const c = commands(
      'kubectl apply -f ../k8s/a.yaml,b.yaml --filename=/abs/c.yaml -fd.yaml -f - -f https://x/y.yaml\n',
      'w/s.sh',
    )
    expect(c[0]).toMatchObject({
      files: [
        { arg: '../k8s/a.yaml', path: 'k8s/a.yaml' },
        { arg: 'b.yaml', path: 'w/b.yaml' },
        { arg: '/abs/c.yaml', path: '/abs/c.yaml' },
        { arg: 'd.yaml', path: 'w/d.yaml' },
      ],
    })
    expect(commands('kubectl apply -f pod.yaml\n', 'script.sh')[0]).toMatchObject({
      files: [{ arg: 'pod.yaml', path: 'pod.yaml' }],
    })
  })

  describe('here-documents', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n'
    it('<<EOF', () => {
      const c = commands(`kubectl apply -f - <<EOF\n${pod}EOF\nkubectl get pods\n`)
      expect(c).toEqual([
        { kind: 'kubectl', line: 1, argv: ['apply', '-f', '-'], files: [], stdin: pod },
        { kind: 'kubectl', line: 7, argv: ['get', 'pods'], files: [] },
      ])
    })
    it('<<\'EOF\' and <<"EOF" keep $ literally', () => {
      expect(commands(`kubectl apply -f - <<'EOF'\nx: $HOME\nEOF\n`)[0]).toMatchObject({ stdin: 'x: $HOME\n' })
      expect(commands(`kubectl apply -f - <<"END"\nx: \`y\`\nEND\n`)[0]).toMatchObject({ stdin: 'x: `y`\n' })
    })
    it('<<-EOF strips leading tabs from the body and the delimiter', () => {
      expect(commands('kubectl apply -f - <<-EOF\n\tkind: Pod\n\t\tname: x\n\tEOF\n')[0]).toMatchObject({
        stdin: 'kind: Pod\nname: x\n',
      })
    })
    it('an unquoted body honours \\$ and refuses expansions', () => {
      expect(commands('kubectl apply -f - <<EOF\nprice: \\$5\nEOF\n')[0]).toMatchObject({ stdin: 'price: $5\n' })
      expect(error('kubectl apply -f - <<EOF\nhome: $HOME\nEOF\n')).toMatchObject({ line: 2 })
    })
    it('the delimiter may come before other arguments', () => {
      expect(commands('kubectl apply <<EOF -f -\nkind: Pod\nEOF\n')[0]).toMatchObject({
        argv: ['apply', '-f', '-'],
        stdin: 'kind: Pod\n',
      })
    })
    it('a missing delimiter is refused at the command’s line', () => {
      expect(error('kubectl get pods\nkubectl apply -f - <<EOF\nkind: Pod\n')).toEqual({
        line: 2,
        message: "here-document delimited by end-of-file (wanted 'EOF')",
      })
    })
  })

  it.each([
    ['echo hello', 1, 'podbirth runs kubectl and sleep lines only, not "echo"'],
    [
      'kubectl get pods\nkubectl get pods | grep web',
      2,
      'shell operator "|" is not supported: one kubectl command per line',
    ],
    ['kubectl get pods && sleep 1', 1, 'shell operator "&&" is not supported: one kubectl command per line'],
    ['kubectl get pods > out.txt', 1, 'shell operator ">" is not supported: one kubectl command per line'],
    ['kubectl get pods -n $NS', 1, 'shell expansion ($…) is not supported: write the value itself'],
    ['kubectl get pods -n "$(whoami)"', 1, 'shell expansion ($…) is not supported: write the value itself'],
    ["kubectl get 'pods", 1, "unexpected end of file: unterminated '"],
    ['sleep soon', 1, 'sleep takes one duration in seconds: sleep soon'],
    ['set -e\nset -o noglob', 2, 'podbirth runs kubectl and sleep lines only, not "set"'],
    ['cat <<EOF\nx\nEOF', 1, 'a here-document is only read by kubectl'],
  ])('refuses %j', (text, line, message) => expect(error(text)).toEqual({ line, message }))

  it('refuses before anything runs: one bad line anywhere fails the whole script', () => {
    expect(parseScript('kubectl get pods\nsleep 1\nkubectl delete pod x; kubectl get pods\n', 's')).toHaveProperty(
      'error',
    )
  })
})

describe('formatScript', () => {
  it('quotes only what needs quoting', () => {
    expect(shellQuote('--image=nginx:1.27')).toBe('--image=nginx:1.27')
    expect(shellQuote('a b')).toBe("'a b'")
    expect(shellQuote("it's")).toBe("'it'\\''s'")
    expect(shellQuote('')).toBe("''")
  })

  it('round-trips a session through a script', () => {
    const session: ScriptCommand[] = [
      {
        kind: 'kubectl',
        line: 1,
        argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'],
        files: [],
      },
      { kind: 'sleep', line: 2, sleepSeconds: 1.5 },
      {
        kind: 'kubectl',
        line: 3,
        argv: ['apply', '-f', '-'],
        files: [],
        stdin: 'kind: Pod\nmetadata:\n  name: \'x\'\n  note: "$HOME" `y`\nEOF\n',
      },
      { kind: 'kubectl', line: 9, argv: ['label', 'pods', 'x', 'a=b c', "it's", '#x', '$y'], files: [] },
      { kind: 'kubectl', line: 10, argv: ['get', 'pods', '-o', 'wide'], files: [] },
    ]
    const text = formatScript(session)
    expect(text).toContain("kubectl apply -f - <<'EOF2'\n")
    const back = commands(text, 'x.sh').map(({ line: _line, ...rest }) => rest)
    expect(back).toEqual(session.map(({ line: _line, ...rest }) => rest))
  })

  it('writes a heredoc body without a final newline with one (bash always ends it so)', () => {
    const text = formatScript([{ kind: 'kubectl', line: 1, argv: ['apply', '-f', '-'], files: [], stdin: 'kind: Pod' }])
    expect(text).toBe("kubectl apply -f - <<'EOF'\nkind: Pod\nEOF\n")
  })
})
