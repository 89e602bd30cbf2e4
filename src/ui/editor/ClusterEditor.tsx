/**
 * The cluster editor: Monaco (lazy-loaded, like the pod editor) on file:///cluster.yaml. The Pod schema does not
 * apply here (setup.ts matches only pod.yaml); YAML syntax errors are still flagged, and the worker's load error is
 * shown as a marker at the line and column it names.
 */
import { useEffect, useRef } from 'react'
import { createYamlEditor, markAt, monaco, replaceText } from './setup.ts'

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
  /** True while a preset replaces the text: that is not the user's edit, so it must not mark the cluster custom. */
  const external = useRef(false)
  const apply = useRef(onApply)
  apply.current = onApply
  const change = useRef(onChange)
  change.current = onChange
  useEffect(() => {
    if (!host.current) return
    const ed = createYamlEditor(host.current, { value: current.current, uri: 'file:///cluster.yaml', ariaLabel: 'Cluster file', fontSize: 14, dark, onApply: () => apply.current() })
    const sub = ed.onDidChangeModelContent(() => {
      if (external.current) return
      current.current = ed.getValue()
      change.current(current.current)
    })
    editorRef.current = ed
    window.__podbirthClusterEditor = ed
    window.__monaco = monaco
    return () => {
      sub.dispose(); ed.dispose()
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
  return <div ref={host} className="monaco-host cluster-editor-host" />
}
