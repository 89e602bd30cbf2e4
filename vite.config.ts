/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

/**
 * The Content-Security-Policy, sent as a header by `vite preview` (`npm start`). The meta tag in
 * index.html stays the source (static hosting has only the meta tag), and the header adds `frame-ancestors 'none'`,
 * which a meta CSP cannot carry (CSP3: not supported in a <meta> element): no other site may frame the app.
 */
function contentSecurityPolicy(): string {
  const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8')
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag')
  return `${meta[1]}; frame-ancestors 'none'`
}
const securityHeaders = { 'Content-Security-Policy': contentSecurityPolicy() }

export default defineConfig({
  plugins: [react()],
  // The app's version, for exported traces.
  define: { __PODBIRTH_VERSION__: JSON.stringify(version) },
  optimizeDeps: {
    include: [
      'monaco-editor/esm/vs/editor/editor.api',
      'monaco-editor/esm/vs/editor/edcore.main',
      'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  worker: { format: 'es' },
  // Not on the dev server: its React Refresh preamble is an inline script, injected before the meta tag (which
  // therefore does not cover it) but blocked by the same policy sent as a header.
  preview: { headers: securityHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
})
