/** Set by vite.config.ts from package.json. */
declare const __PODBIRTH_VERSION__: string
