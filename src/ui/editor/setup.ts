/**
 * Monaco with YAML and monaco-yaml, bundled and offline (monaco-editor 0.52.2).
 * The Pod schema (pod.schema.json) is generated from the maintained kubernetes-models package by
 * src/cli/tools/generateSchemas.ts and committed; generateSchemas.test.ts checks it is current. Unknown fields,
 * wrong types and invalid enum values are flagged, with completion and hover from the API's own descriptions.
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
import { conf as yamlConf, language as yamlTokens } from 'monaco-editor/esm/vs/basic-languages/yaml/yaml.js'
import { aliasBlowup, EXCESSIVE_ALIASING } from './aliasGuard.ts'
import { workerHold } from './heldWorker.ts'
import type { AliasBlowup } from './aliasGuard.ts'
import type { EditorMode } from './editorMode.ts'

/** monaco-yaml's worker waits while a run streams (heldWorker.ts); Monaco's own worker has little to do then. */
const languageHold = workerHold()

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? languageHold.holdable(new YamlWorker()) : new EditorWorker()),
}

/** holdLanguageWorker holds the YAML language worker's requests back while a run is simulated and streamed. */
export const holdLanguageWorker = (running: boolean): void => languageHold.hold(running)

const YAML_OPTIONS = {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'inmemory://schemas/pod.json', fileMatch: ['**/pod.yaml'], schema: podSchema as never }],
}
const monacoYaml = configureMonacoYaml(monaco, YAML_OPTIONS)

export { monaco }

/**
 * YAML that monaco-yaml must not see: a model whose text is an alias bomb takes this language (the same colours,
 * no language worker) until the text is fixed, so the worker is never handed it — not when typed, not when a kept
 * text or a shared link brings it back.
 */
export const UNCHECKED_YAML = 'yaml-unchecked'
monaco.languages.register({ id: UNCHECKED_YAML })
monaco.languages.setMonarchTokensProvider(UNCHECKED_YAML, yamlTokens)
monaco.languages.setLanguageConfiguration(UNCHECKED_YAML, yamlConf)

/** The marker owner for the alias refusal (kubectl's and the worker's markers have their own). */
const ALIAS_OWNER = 'aliases'

/**
 * The refusal of a bomb in `file`, as kubectl v1.35 prints it (the editor may not call the engine: the UI talks to it
 * only through the worker), and why the editor's checks are quiet.
 */
function aliasRefusal(file: string): string {
  return `error: error parsing ${file}: error converting YAML to JSON: ${EXCESSIVE_ALIASING}\n`
    + '(YAML checks, hover and completion are off until the aliases are fixed.)'
}

/**
 * guardAliases runs the engine's bounded alias check on the model's text; on a blow-up it takes the model away from
 * monaco-yaml (whose pending validation is cancelled with it) and marks the alias where the engine stops. Called
 * synchronously on every change: monaco-yaml validates 500 ms after one, and must find the language already changed.
 */
export function guardAliases(model: monaco.editor.ITextModel, file: string): AliasBlowup | undefined {
  const at = aliasBlowup(model.getValue())
  if (at && model.getLanguageId() !== UNCHECKED_YAML) monaco.editor.setModelLanguage(model, UNCHECKED_YAML)
  // Back to YAML only once this change has reached everyone: switched inside the change event, monaco-yaml's first
  // validation was answered from the worker's copy of the old text (no markers for the fixed one).
  if (!at && model.getLanguageId() === UNCHECKED_YAML) {
    setTimeout(() => {
      if (!model.isDisposed() && model.getLanguageId() === UNCHECKED_YAML && !aliasBlowup(model.getValue())) {
        // Leaving 'yaml' reset the model's schema in the worker, which then held the bomb's text and may still be
        // busy with it: start a fresh worker (update() recreates it) before the fixed text is validated.
        void monacoYaml.update(YAML_OPTIONS).then(() => {
          if (!model.isDisposed() && model.getLanguageId() === UNCHECKED_YAML) monaco.editor.setModelLanguage(model, 'yaml')
        })
      }
    }, 0)
  }
  monaco.editor.setModelMarkers(model, ALIAS_OWNER, at ? [{
    severity: monaco.MarkerSeverity.Error, message: aliasRefusal(file),
    startLineNumber: at.line, startColumn: at.column, endLineNumber: at.line, endColumn: at.column + 1,
  }] : [])
  return at
}

/** Escape leaves the editor only when it would close nothing (suggestions, find, hover, hints, rename, snippets). */
const LEAVE_WHEN = '!suggestWidgetVisible && !findWidgetVisible && !editorHoverVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible && !inSnippetMode && !inReferenceSearchEditor'

/**
 * createYamlEditor: one of the app's YAML editors (the pod manifest, the cluster file), with the keys both share:
 * Ctrl/Cmd+Enter applies; once entered, Tab indents, and Escape (with no widget open) hands the keyboard back to the
 * Apply button.
 */
export function createYamlEditor(host: HTMLElement, o: { value: string; uri: string; ariaLabel: string; fontSize: number; dark: boolean; onApply(): void }): monaco.editor.IStandaloneCodeEditor {
  // A bomb in the first text (kept from last time, or from a link) never reaches the worker: choose the language now.
  const model = monaco.editor.createModel(o.value, aliasBlowup(o.value) ? UNCHECKED_YAML : 'yaml', monaco.Uri.parse(o.uri))
  const file = o.uri.slice(o.uri.lastIndexOf('/') + 1)
  guardAliases(model, file)
  const guard = model.onDidChangeContent(() => guardAliases(model, file))
  const ed = monaco.editor.create(host, {
    model, automaticLayout: true, minimap: { enabled: false }, fontSize: o.fontSize, ariaLabel: o.ariaLabel,
    scrollBeyondLastLine: false, tabSize: 2, theme: o.dark ? 'vs-dark' : 'vs', renderValidationDecorations: 'on',
    // Sticky scroll's scopes from the folding ranges (monaco-yaml's, which folding asks for anyway), not from the
    // document's symbols: those the YAML worker works out for the whole text at each change, and a 370-pod
    // manifest's took the page ~100 ms while its apply streamed in. (The indentation model would lose YAML's
    // `containers:` above its `- name:` items, which sit at the same indentation.)
    stickyScroll: { defaultModel: 'foldingProviderModel' },
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
  ed.onDidDispose(() => { guard.dispose(); model.dispose() })
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
