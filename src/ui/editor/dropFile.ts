/**
 * Dropping a file on the cluster editor: its text replaces the editor's (one edit, so Undo brings the old text
 * back), as pasting it would. The file is read as text and only ever given to Monaco as text, never rendered as HTML.
 * Monaco's own drop handling (which inserts dragged text at the drop point) still takes drops of text.
 */

/** The largest file read: the CLI's limit for a cluster file (src/cli/limits.ts MAX_CLUSTER_BYTES). */
export const MAX_DROP_BYTES = 16 * 1024 * 1024

/** attachFileDrop listens for file drops on `el`; returns the function that removes the listeners. */
export function attachFileDrop(el: HTMLElement, onText: (text: string, name: string) => void,
  onRefused: (message: string) => void): () => void {
  const hasFiles = (ev: DragEvent) => [...(ev.dataTransfer?.types ?? [])].includes('Files')
  const over = (ev: DragEvent) => {
    if (!hasFiles(ev)) return
    ev.preventDefault()
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy'
  }
  const drop = (ev: DragEvent) => {
    const file = ev.dataTransfer?.files[0]
    if (!hasFiles(ev) || !file) return
    // Taken here, in the capture phase, before Monaco's drop-into-editor sees it.
    ev.preventDefault()
    ev.stopPropagation()
    if (file.size > MAX_DROP_BYTES) {
      onRefused(`${file.name} is ${Math.ceil(file.size / 1024 / 1024)} MiB: a cluster file may be up to 16 MiB.`)
      return
    }
    file.text().then((text) => onText(text, file.name), () => onRefused(`${file.name} could not be read.`))
  }
  el.addEventListener('dragover', over, true)
  el.addEventListener('drop', drop, true)
  return () => {
    el.removeEventListener('dragover', over, true)
    el.removeEventListener('drop', drop, true)
  }
}
