/** Text widths on the canvas, measured once per font and text (labels repeat: verbs, codes, call names). */
const caches = new Map<string, Map<string, number>>()

/** textWidth is ctx.measureText(text).width in `font` (which must be ctx.font now), cached. */
export function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  let cache = caches.get(font)
  if (!cache) caches.set(font, (cache = new Map()))
  let w = cache.get(text)
  if (w === undefined) {
    w = ctx.measureText(text).width
    // A trace can hold tens of thousands of distinct labels ("rev 12345"): keep the cache bounded.
    if (cache.size > 20_000) cache.clear()
    cache.set(text, w)
  }
  return w
}
