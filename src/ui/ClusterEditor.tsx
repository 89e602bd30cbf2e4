/**
 * The cluster editor: Monaco (lazy-loaded, like the pod editor) on file:///cluster.yaml. The Pod schema does not
 * apply here (setup.ts matches only pod.yaml); YAML syntax errors are still flagged, and the worker's load error is
 * shown as a marker at the line and column it names.
 */
import { useEffect, useRef } from 'react'
import { LEAVE_WHEN, monaco } from './editor/setup.ts'

declare global {
  interface Window { __podbirthClusterEditor?: monaco.editor.IStandaloneCodeEditor }
}

export interface ClusterEditorProps {
  value: string
  onChange(value: string): void
  onApply(): void
  /** The cluster file's load error, at the line and column loadCluster named. */
  error?: { line: number; column: number; message: string }
  dark: boolean
}

export default function ClusterEditor({ value, onChange, onApply, error, dark }: ClusterEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  /** The text this editor last reported (or was given): a new `value` prop that differs came from a preset. */
  const current = useRef(value)
  const apply = useRef(onApply)
  apply.current = onApply
  const change = useRef(onChange)
  change.current = onChange
  const replaceRef = useRef<((text: string) => void) | null>(null)
  useEffect(() => {
    if (!host.current) return
    const model = monaco.editor.createModel(current.current, 'yaml', monaco.Uri.parse('file:///cluster.yaml'))
    const ed = monaco.editor.create(host.current, {
      model, automaticLayout: true, minimap: { enabled: false }, fontSize: 14, ariaLabel: 'Cluster file',
      scrollBeyondLastLine: false, tabSize: 2, theme: dark ? 'vs-dark' : 'vs', renderValidationDecorations: 'on',
    })
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => apply.current())
    // Tab indents inside the editor; Escape (with no widget open) hands the keyboard back to the page: the Apply button.
    ed.addCommand(monaco.KeyCode.Escape, () => document.querySelector<HTMLButtonElement>('.controls button')?.focus(), LEAVE_WHEN)
    let external = false
    const sub = model.onDidChangeContent(() => {
      if (external) return
      current.current = model.getValue()
      change.current(current.current)
    })
    editorRef.current = ed
    window.__podbirthClusterEditor = ed
    window.__monaco = monaco
    // A preset replaces the text as one edit, so Undo in the editor brings the user's text back.
    const replace = (text: string) => {
      external = true
      try {
        ed.pushUndoStop()
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
        ed.pushUndoStop()
      } finally { external = false }
    }
    replaceRef.current = replace
    return () => {
      sub.dispose(); ed.dispose(); model.dispose()
      if (window.__podbirthClusterEditor === ed) window.__podbirthClusterEditor = undefined
    }
    // The editor is created once; later value changes come from typing (or from a preset, handled below).
  }, [])
  useEffect(() => {
    if (value === current.current) return
    current.current = value
    replaceRef.current?.(value)
  }, [value])
  useEffect(() => { monaco.editor.setTheme(dark ? 'vs-dark' : 'vs') }, [dark])
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    monaco.editor.setModelMarkers(model, 'podbirth', error ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.column, endLineNumber: error.line, endColumn: error.column + 1 }] : [])
    if (error) editorRef.current?.revealLineInCenterIfOutsideViewport(error.line)
  }, [error])
  return <div ref={host} className="monaco-host cluster-editor-host" />
}
