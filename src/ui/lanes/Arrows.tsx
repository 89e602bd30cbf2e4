/**
 * The arrows the story has just reached, drawn by motion as SVG paths over the canvas: the curve draws itself, then
 * its head appears at the landing end. Older arrows are painted on the canvas (paintSteps.ts).
 */
import { LazyMotion, m as motion } from 'motion/react'
import type { Lane } from '../../engine/events.ts'
import { arrowPaths } from './geometry.ts'
import { laneY } from './metrics.ts'
import type { Metrics } from './metrics.ts'
import type { Item, Positions, View } from './scale.ts'

/** motion's animation features, fetched from the bundle after the first paint (they are not needed before an arrow). */
export const loadMotionFeatures = () => import('./motionFeatures.ts').then((r) => r.default)

interface Props {
  fresh: Item[]
  pos: Positions
  view: View
  m: Metrics
  width: number
  height: number
  selected: number
  /** Arrows of steps up to this index were already reached before this render: they do not animate. */
  reachedUpTo: number
  reduce: boolean
  beat?: Uint8Array
}

export function Arrows({ fresh, pos, view, m, width, height, selected, reachedUpTo, reduce, beat }: Props) {
  const duration = reduce ? 0.15 : 0.35
  return (
    <svg className="swimlanes-arrows" width={Math.max(width, 1)} height={height} style={{ left: m.labelW }} aria-hidden="true">
      <LazyMotion features={loadMotionFeatures} strict>
        {fresh.map(({ e, i }) => {
          const { line, head } = arrowPaths(pos.at[i] * view.k + view.x, laneY(m, e.from as Lane), pos.arrive[i] * view.k + view.x, laneY(m, e.to as Lane), m)
          const cls = `${e.outcome}${i === selected ? ' selected' : ''}${beat && beat[i] === 0 ? ' plumbing' : ''}`
          const old = i <= reachedUpTo
          return (
            <g key={e.seq}>
              <motion.path d={line} className={`arrow ${cls}`}
                initial={old ? false : reduce ? { opacity: 0 } : { pathLength: 0, opacity: 0.2 }}
                animate={reduce ? { opacity: 1 } : { pathLength: 1, opacity: 1 }}
                transition={{ duration, ease: 'easeOut' }} />
              <motion.path d={head} className={`arrow-head ${cls}`}
                initial={old ? false : { opacity: 0 }}
                animate={{ opacity: 1 }}
                transition={{ duration: 0.1, delay: reduce ? 0 : duration * 0.85 }} />
            </g>
          )
        })}
      </LazyMotion>
    </svg>
  )
}
