// startPreview serves the production build (dist/) with `vite preview` on 127.0.0.1:port and resolves once it
// listens; the e2e tests and bench:ui share it.
import { spawn } from 'node:child_process'

export function startPreview(root, port, outDir = 'dist') {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const ready = new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('vite preview did not start')), 20000)
    server.stdout.on('data', (d) => { if (String(d).includes(String(port))) { clearTimeout(t); resolve() } })
    server.on('exit', (c) => reject(new Error(`vite preview exited with ${c}`)))
  })
  return { server, ready }
}
