/** The pod editor: Monaco (lazy-loaded) with the generated Pod schema. */
import { useEffect, useRef } from 'react'
import { createYamlEditor, holdLanguageWorker, markAt, monaco, replaceText } from './setup.ts'

declare global {
  interface Window { __podbirthEditor?: monaco.editor.IStandaloneCodeEditor; __monaco?: typeof monaco }
}

export interface YamlEditorProps {
  value: string
  onChange(value: string): void
  onApply(): void
  /** kubectl's refusal, shown as a marker at the line and column it names. */
  error?: { line: number; column: number; message: string }
  dark: boolean
  /** A run is being simulated and streamed: the language worker's checks wait for it (heldWorker.ts). */
  running: boolean
}

export default function YamlEditor({ value, onChange, onApply, error, dark, running }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const apply = useRef(onApply)
  apply.current = onApply
  useEffect(() => {
    if (!host.current) return
    const ed = createYamlEditor(host.current, { value, uri: 'file:///pod.yaml', ariaLabel: 'Pod manifest', fontSize: 15, dark, onApply: () => apply.current() })
    const sub = ed.onDidChangeModelContent(() => onChange(ed.getValue()))
    editorRef.current = ed
    window.__podbirthEditor = ed
    window.__monaco = monaco
    return () => { sub.dispose(); ed.dispose() }
    // The editor is created once; later value changes are synced by the effect below.
  }, [])
  useEffect(() => { monaco.editor.setTheme(dark ? 'vs-dark' : 'vs') }, [dark])
  // Text that comes from elsewhere (a shared link, restoring what it replaced) replaces the editor's as one undoable
  // edit; the user's own typing arrives here already equal and changes nothing.
  useEffect(() => {
    const ed = editorRef.current
    if (ed && ed.getValue() !== value) replaceText(ed, value)
  }, [value])
  useEffect(() => { if (editorRef.current) markAt(editorRef.current, 'kubectl', error) }, [error])
  useEffect(() => holdLanguageWorker(running), [running])
  return <div ref={host} className="monaco-host" />
}
