/** What one write changed: a Monaco diff of the stored object before and after (YAML), read-only. */
import { useEffect, useRef } from 'react'
import { stringify } from 'yaml'
import { monaco } from './setup.ts'

export default function DiffView({ before, after, dark }: { before: unknown; after: unknown; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!host.current) return
    const original = monaco.editor.createModel(before === undefined ? '' : stringify(before), 'yaml')
    const modified = monaco.editor.createModel(after === undefined ? '' : stringify(after), 'yaml')
    const ed = monaco.editor.createDiffEditor(host.current, {
      readOnly: true, automaticLayout: true, renderSideBySide: false, minimap: { enabled: false }, fontSize: 12,
      scrollBeyondLastLine: false, hideUnchangedRegions: { enabled: true }, theme: dark ? 'vs-dark' : 'vs', ariaLabel: 'What this write changed',
    })
    ed.setModel({ original, modified })
    return () => { ed.dispose(); original.dispose(); modified.dispose() }
  }, [before, after, dark])
  return <div ref={host} className="diff-host" />
}
