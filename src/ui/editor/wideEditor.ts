/**
 * The editor pane at full width: a layout attribute on the page's <main> (data-editor-wide, styled in
 * clusterEditor.css) that gives the editor pane every column. Escape returns to the normal layout, unless something
 * else took that Escape first (Monaco leaving its editing mode, a dialog closing).
 */
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

export function useWideEditor(anchor: RefObject<HTMLElement | null>): [boolean, (wide: boolean) => void] {
  const [wide, setWide] = useState(false)
  useEffect(() => {
    const main = anchor.current?.closest('main')
    if (!main) return
    if (wide) main.dataset.editorWide = 'true'
    else delete main.dataset.editorWide
    if (!wide) return
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape' || ev.defaultPrevented) return
      setWide(false)
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      delete main.dataset.editorWide
    }
  }, [wide, anchor])
  return [wide, setWide]
}
