/** The YAML editors' keyboard mode, in a module of its own: the page reads it without loading Monaco. */
/**
 * How an editor holds the keyboard. Reached with Tab it is `focused`: Tab moves on through the page (the editor must
 * not trap keyboard users). Enter, typing or a click enters it (`editing`): then Tab indents, and Escape leaves.
 */
export type EditorMode = 'idle' | 'focused' | 'editing'
let mode: EditorMode = 'idle'
const modeListeners = new Set<() => void>()
export const setEditorMode = (m: EditorMode) => { if (m !== mode) { mode = m; for (const l of modeListeners) l() } }
/** For useSyncExternalStore: the mode of whichever YAML editor has the focus. */
export const editorMode = { get: () => mode, subscribe: (l: () => void) => { modeListeners.add(l); return () => modeListeners.delete(l) } }
