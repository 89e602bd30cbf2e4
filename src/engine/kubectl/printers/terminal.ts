/**
 * Terminal-safe text, as kubectl prints object text.
 * Mirrors: staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go (terminalEscaper =
 * strings.NewReplacer("\x1b", "^[", "\r", "\\r"), kubernetes/kubernetes#101695) and tableprinter.go printRows (a
 * string cell is cut at its first \f, \n or \r, escaped, and followed by "..." when cut).
 * Only ESC and CR are replaced, exactly as upstream: without ESC no escape sequence can start, so a BEL or other C0
 * byte left in the text cannot set the title or clear the screen.
 */

/** escapeTerminal is printers.EscapeTerminal. Idempotent: its output holds no ESC and no CR. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

/** tableCell is one string cell of `kubectl get`'s table as printRows writes it. */
export function tableCell(s: string): string {
  const cut = s.search(/[\f\n\r]/)
  return cut < 0 ? escapeTerminal(s) : `${escapeTerminal(s.slice(0, cut))}...`
}
