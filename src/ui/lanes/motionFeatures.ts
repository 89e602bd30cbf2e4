/** The motion features the arrows use (animation only), loaded after the first paint: see LazyMotion in Swimlanes. */
export { domAnimation as default } from 'motion/react'
