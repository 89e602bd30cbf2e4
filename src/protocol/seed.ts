/** The largest seed the app, its links and the CLI take: what the engine's generator takes. */
export const MAX_SEED = 2 ** 31 - 1
