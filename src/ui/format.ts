/** fmtTime shows a virtual time (µs) as seconds since the story's first step: 1.234s. */
export const fmtTime = (us: number, t0: number): string => `${((us - t0) / 1e6).toFixed(3)}s`
