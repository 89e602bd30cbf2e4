// Lint rules that hold the architecture in place (see README "Layout"):
// the engine is pure and deterministic, and each layer imports only what it may.
import tseslint from 'typescript-eslint'

const engineForbiddenGlobals = [
  'window', 'document', 'self', 'postMessage', 'navigator', 'localStorage', 'sessionStorage',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame',
  'performance', 'fetch', 'XMLHttpRequest', 'Worker', 'process', 'crypto',
].map((name) => ({ name, message: 'src/engine is pure: no host globals (time, randomness and I/O are injected).' }))

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'tmp-*.mjs', 'node_modules/**', 'coverage/**', 'test-results/**', 'qa-tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use string-literal unions and as const, not enum.' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineForbiddenGlobals],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng from src/engine/sim/rng.ts.' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock (sim.now()).' },
      ],
      'no-restricted-syntax': ['error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions and as const, not enum.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No wall clock in the engine: use sim.now().' },
      ],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui/**', '**/app/**', '**/worker/**', '**/cli/**', '**/protocol/**'], message: 'src/engine imports nothing outside itself.' },
        { group: ['node:*', 'fs', 'path', 'os', 'react', 'react-dom', 'comlink', 'monaco-editor', 'd3', 'd3-*', 'zustand', 'motion', 'motion/*'], message: 'src/engine is pure: no host or UI libraries.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        // The story (chapters, outcomes, waits) and the narration tables are pure functions of a trace: views may
        // call them. Everything else in the engine runs in the worker.
        { group: ['**/engine/**', '!**/engine/events', '!**/engine/events.ts', '!**/engine/api/types', '!**/engine/api/types.ts', '!**/engine/story', '!**/engine/story/index.ts', '!**/engine/narration', '!**/engine/narration/index.ts'], message: 'The UI talks to the engine only through the worker protocol (type imports from engine/events and engine/api/types are fine; engine/story and engine/narration are pure views of a trace).', allowTypeImports: true },
        { group: ['**/cli/**'], message: 'The UI does not import the CLI.' },
      ] }],
    },
  },
  {
    // The hosts read the engine through its facades (#14): the Simulation and its views, the cluster loader, the
    // story and narration, the scheduler's explanations. Types may come from anywhere in it.
    files: ['src/worker/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/engine/**', '!**/engine/index.ts', '!**/engine/views', '!**/engine/views/index.ts', '!**/engine/cluster', '!**/engine/cluster/index.ts', '!**/engine/story', '!**/engine/story/index.ts', '!**/engine/narration', '!**/engine/narration/index.ts', '!**/engine/scheduler', '!**/engine/scheduler/explain', '!**/engine/scheduler/explain/index.ts'], message: 'Hosts use the engine through its facades: engine/index.ts, views/, cluster/, story/, narration/, scheduler/explain/ (type imports are fine).', allowTypeImports: true },
        { group: ['**/ui/**', '**/app/**'], message: 'The worker and the CLI do not import the UI.' },
      ] }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/engine/**'], message: 'protocol/ takes only types from the engine.', allowTypeImports: true },
        { group: ['**/ui/**', '**/app/**', '**/cli/**'], message: 'protocol/ sits below ui and app.' },
      ] }],
    },
  },
)
