/**
 * The cluster editor: Monaco (lazy-loaded, like the pod editor) on file:///cluster.yaml. The Pod schema does not
 * apply here (setup.ts matches only pod.yaml); YAML syntax errors are still flagged, and the worker's load error is
 * shown as a marker at the line and column it names.
 */
import { useEffect, useRef, useState } from 'react'
import { createYamlEditor, markAt, monaco, replaceText } from './setup.ts'
import { attachFileDrop } from './dropFile.ts'

declare global {
  interface Window { __podbirthClusterEditor?: monaco.editor.IStandaloneCodeEditor }
}

export interface ClusterEditorProps {
  value: string
  onChange(value: string): void
  onApply(): void
  /** The cluster file's load error, at the line and column loadCluster named. */
  error?: { line: number; column: number; message: string }
  /** kube-scheduler's start-up error: the KubeSchedulerConfiguration's value it is about, to the end of its line. */
  configError?: { line: number; column: number; message: string }
  dark: boolean
}

export default function ClusterEditor({ value, onChange, onApply, error, configError, dark }: ClusterEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  /** The text this editor last reported (or was given): a new `value` prop that differs came from a preset. */
  const current = useRef(value)
  /** True while a preset replaces the text: that is not the user's edit, so it must not mark the cluster custom. */
  const external = useRef(false)
  const apply = useRef(onApply)
  apply.current = onApply
  const change = useRef(onChange)
  change.current = onChange
  const [dropRefused, setDropRefused] = useState<string>()
  useEffect(() => {
    if (!host.current) return
    const ed = createYamlEditor(host.current, { value: current.current, uri: 'file:///cluster.yaml', ariaLabel: 'Cluster file', fontSize: 14, dark, onApply: () => apply.current() })
    const sub = ed.onDidChangeModelContent(() => {
      if (external.current) return
      current.current = ed.getValue()
      change.current(current.current)
    })
    editorRef.current = ed
    // A file dropped on the editor replaces its text, as a user's edit (the cluster becomes custom).
    const detachDrop = attachFileDrop(host.current, (text) => { setDropRefused(undefined); replaceText(ed, text) },
      setDropRefused)
    window.__podbirthClusterEditor = ed
    window.__monaco = monaco
    return () => {
      detachDrop(); sub.dispose(); ed.dispose()
      if (window.__podbirthClusterEditor === ed) window.__podbirthClusterEditor = undefined
    }
    // The editor is created once; later value changes come from typing (or from a preset, handled below).
  }, [])
  // A preset replaces the text as one edit, so Undo in the editor brings the user's text back.
  useEffect(() => {
    const ed = editorRef.current
    if (value === current.current || !ed) return
    current.current = value
    external.current = true
    try { replaceText(ed, value) } finally { external.current = false }
  }, [value])
  useEffect(() => { monaco.editor.setTheme(dark ? 'vs-dark' : 'vs') }, [dark])
  useEffect(() => {
    const ed = editorRef.current
    if (!ed) return
    markAt(ed, 'podbirth', error)
    if (error) ed.revealLineInCenterIfOutsideViewport(error.line)
  }, [error])
  useEffect(() => {
    const ed = editorRef.current
    const model = ed?.getModel()
    if (!ed || !model) return
    const at = configError && configError.line <= model.getLineCount() ? configError : undefined
    monaco.editor.setModelMarkers(model, 'kube-scheduler', at ? [{
      severity: monaco.MarkerSeverity.Error, message: at.message, source: 'kube-scheduler',
      startLineNumber: at.line, startColumn: at.column,
      endLineNumber: at.line, endColumn: model.getLineMaxColumn(at.line),
    }] : [])
    if (at) ed.revealLineInCenterIfOutsideViewport(at.line)
  }, [configError?.line, configError?.column, configError?.message])
  return (
    <>
      {dropRefused && <p className="cluster-note" role="alert">{dropRefused}</p>}
      <div ref={host} className="monaco-host cluster-editor-host" />
    </>
  )
}
