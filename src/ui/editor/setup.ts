/**
 * Monaco with YAML and monaco-yaml, bundled and offline (shared/toolchain.md variant A: monaco-editor 0.52.2).
 * The Pod schema is generated at build time from the maintained kubernetes-models package
 * (src/cli/tools/generatePodSchema.ts): unknown fields, wrong types and invalid enum values are flagged, with
 * completion and hover from the API's own descriptions.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api'
import 'monaco-editor/esm/vs/editor/edcore.main'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution'
import { configureMonacoYaml } from 'monaco-yaml'
// Monaco's Tab key follows this one global switch (the `editorTabMovesFocus` context key), not the editor option.
import { TabFocus } from 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import YamlWorker from './yaml.worker.ts?worker'
import podSchema from './pod.schema.json'
import { editorMode, setEditorMode as setMode } from './editorMode.ts'
import type { EditorMode } from './editorMode.ts'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'inmemory://schemas/pod.json', fileMatch: ['**/pod.yaml'], schema: podSchema as never }],
})

export { monaco }

/** Escape leaves the editor only when it would close nothing (suggestions, find, hover, hints, rename, snippets). */
const LEAVE_WHEN = '!suggestWidgetVisible && !findWidgetVisible && !editorHoverVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible && !inSnippetMode && !inReferenceSearchEditor'

/**
 * createYamlEditor: one of the app's YAML editors (the pod manifest, the cluster file), with the keys both share:
 * Ctrl/Cmd+Enter applies; once entered, Tab indents, and Escape (with no widget open) hands the keyboard back to the
 * Apply button.
 */
export function createYamlEditor(host: HTMLElement, o: { value: string; uri: string; ariaLabel: string; fontSize: number; dark: boolean; onApply(): void }): monaco.editor.IStandaloneCodeEditor {
  const model = monaco.editor.createModel(o.value, 'yaml', monaco.Uri.parse(o.uri))
  const ed = monaco.editor.create(host, {
    model, automaticLayout: true, minimap: { enabled: false }, fontSize: o.fontSize, ariaLabel: o.ariaLabel,
    scrollBeyondLastLine: false, tabSize: 2, theme: o.dark ? 'vs-dark' : 'vs', renderValidationDecorations: 'on',
  })
  const enter = () => { TabFocus.setTabFocusMode(false); setMode('editing') }
  const leave = (next: EditorMode) => { TabFocus.setTabFocusMode(true); setMode(next) }
  ed.onDidFocusEditorText(() => { if (editorMode.get() !== 'editing') leave('focused') })
  ed.onDidBlurEditorText(() => leave('idle'))
  ed.onMouseDown(() => enter())
  ed.onKeyDown((k) => {
    if (editorMode.get() === 'editing' || k.ctrlKey || k.metaKey || k.altKey) return
    // Enter enters the editor without typing a new line; any other key that edits enters it and types.
    if (k.keyCode === monaco.KeyCode.Enter) { k.preventDefault(); k.stopPropagation(); enter(); return }
    if (k.browserEvent.key.length === 1 || k.keyCode === monaco.KeyCode.Backspace || k.keyCode === monaco.KeyCode.Delete) enter()
  })
  ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => o.onApply())
  ed.addCommand(monaco.KeyCode.Escape, () => { leave('idle'); document.querySelector<HTMLButtonElement>('.controls button')?.focus() }, LEAVE_WHEN)
  ed.onDidDispose(() => model.dispose())
  return ed
}

/** replaceText replaces the whole text as one undoable edit (text from a preset, a shared link, a restore). */
export function replaceText(ed: monaco.editor.IStandaloneCodeEditor, text: string): void {
  const model = ed.getModel()
  if (!model) return
  ed.pushUndoStop()
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
  ed.pushUndoStop()
}

/** markAt shows a refusal (kubectl's, or the cluster file's load error) as one marker at its line and column. */
export function markAt(ed: monaco.editor.IStandaloneCodeEditor, owner: string, error?: { line: number; column: number; message: string }): void {
  const model = ed.getModel()
  if (!model) return
  monaco.editor.setModelMarkers(model, owner, error ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.column, endLineNumber: error.line, endColumn: error.column + 1 }] : [])
}
