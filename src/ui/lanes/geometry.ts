/**
 * An arrow's shape, shared by the canvas painter and the animated SVG arrows: a curve that leaves its step's dot
 * level and lands level beside the target dot, and a small filled head at the landing end.
 */
import type { Metrics } from './metrics.ts'

/**
 * arrowGeometry writes into `out` (no allocation, for the painter's hot loop): [0,1] where the curve ends, [2,3] the
 * head's tip, [4..7] the two corners of its base. The head points along the curve's end: sideways when the arrow
 * spans enough time on screen, else up or down into the dot.
 */
export function arrowGeometry(out: Float64Array, x1: number, y1: number, x2: number, y2: number, m: Metrics): Float64Array {
  const dx = x2 - x1
  const reach = m.dotR + 1
  if (Math.abs(dx) >= m.headLen + reach + 2 || y1 === y2) {
    const dir = dx < 0 ? -1 : 1
    const tip = x2 - dir * reach
    const base = tip - dir * m.headLen
    out[0] = base; out[1] = y2
    out[2] = tip; out[3] = y2
    out[4] = base; out[5] = y2 - m.headHalf
    out[6] = base; out[7] = y2 + m.headHalf
  } else {
    const dir = y2 < y1 ? -1 : 1
    const tip = y2 - dir * reach
    const base = tip - dir * m.headLen
    out[0] = x2; out[1] = base
    out[2] = x2; out[3] = tip
    out[4] = x2 - m.headHalf; out[5] = base
    out[6] = x2 + m.headHalf; out[7] = base
  }
  return out
}

/** The SVG path of an arrow's curve and of its head (for the motion arrows; allocation is fine there, a dozen at most). */
export function arrowPaths(x1: number, y1: number, x2: number, y2: number, m: Metrics): { line: string; head: string } {
  const g = arrowGeometry(new Float64Array(8), x1, y1, x2, y2, m)
  const mx = (x1 + g[0]) / 2
  return {
    line: `M${x1},${y1} C${mx},${y1} ${mx},${g[1]} ${g[0]},${g[1]}`,
    head: `M${g[2]},${g[3]} L${g[4]},${g[5]} L${g[6]},${g[7]} Z`,
  }
}
