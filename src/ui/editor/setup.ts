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
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import YamlWorker from './yaml.worker.ts?worker'
import podSchema from './pod.schema.json'

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
export const LEAVE_WHEN = '!suggestWidgetVisible && !findWidgetVisible && !editorHoverVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible && !inSnippetMode && !inReferenceSearchEditor'
