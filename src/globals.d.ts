/** Set by vite.config.ts from package.json. */
declare const __PODBIRTH_VERSION__: string

/** Monaco's global Tab switch (not in its public typings): true makes Tab move the browser's focus. */
declare module 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js' {
  export const TabFocus: { getTabFocusMode(): boolean; setTabFocusMode(on: boolean): void }
}
