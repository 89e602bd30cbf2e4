/** The pod editor: Monaco (lazy-loaded) with the generated Pod schema. */
import { useEffect, useRef } from 'react'
import { LEAVE_WHEN, monaco } from './setup.ts'

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
}

export default function YamlEditor({ value, onChange, onApply, error, dark }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const apply = useRef(onApply)
  apply.current = onApply
  useEffect(() => {
    if (!host.current) return
    const model = monaco.editor.createModel(value, 'yaml', monaco.Uri.parse('file:///pod.yaml'))
    const ed = monaco.editor.create(host.current, {
      model, automaticLayout: true, minimap: { enabled: false }, fontSize: 15, ariaLabel: 'Pod manifest',
      scrollBeyondLastLine: false, tabSize: 2, theme: dark ? 'vs-dark' : 'vs', renderValidationDecorations: 'on',
    })
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => apply.current())
    // Tab indents inside the editor; Escape (with no widget open) hands the keyboard back to the page: the Apply button.
    ed.addCommand(monaco.KeyCode.Escape, () => document.querySelector<HTMLButtonElement>('.controls button')?.focus(), LEAVE_WHEN)
    const sub = model.onDidChangeContent(() => onChange(model.getValue()))
    editorRef.current = ed
    window.__podbirthEditor = ed
    window.__monaco = monaco
    return () => { sub.dispose(); ed.dispose(); model.dispose() }
    // The editor is created once; later value changes are synced by the effect below.
  }, [])
  useEffect(() => { monaco.editor.setTheme(dark ? 'vs-dark' : 'vs') }, [dark])
  // Text that comes from elsewhere (a shared link, restoring what it replaced) replaces the editor's as one undoable
  // edit; the user's own typing arrives here already equal and changes nothing.
  useEffect(() => {
    const ed = editorRef.current
    const model = ed?.getModel()
    if (!ed || !model || model.getValue() === value) return
    ed.pushUndoStop()
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null)
    ed.pushUndoStop()
  }, [value])
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    monaco.editor.setModelMarkers(model, 'kubectl', error ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.column, endLineNumber: error.line, endColumn: error.column + 1 }] : [])
  }, [error])
  return <div ref={host} className="monaco-host" />
}
