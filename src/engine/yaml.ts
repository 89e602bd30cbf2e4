/** YAML documents for podbirth's own files (cluster file, scheduler config), with errors on one line. */
import { LineCounter, parseAllDocuments } from 'yaml'

/** A parsed document: its value, or its first error as "YAML error at line L, column C: …". */
export interface ParsedDocument { value: unknown; error?: string }

/** parseDocuments parses every document of `text`. */
export function parseDocuments(text: string): ParsedDocument[] {
  // prettyErrors: false keeps the message to one line, and then yaml fills no linePos: the LineCounter gives it.
  const lineCounter = new LineCounter()
  const parsed = parseAllDocuments(text, { prettyErrors: false, lineCounter })
  return (Array.isArray(parsed) ? parsed : [parsed]).map((d) => {
    const err = d.errors[0]
    if (!err) return { value: d.toJS() as unknown }
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0])
    return { value: undefined, error: `YAML error${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${err.message.split('\n')[0]}` }
  })
}
