// @ts-check
/**
 * Starts the real backend for browser tests: a fresh SQLite database with the demo data,
 * the built web app collected as static files, served as `make run` serves it (one uvicorn process:
 * the pages, the API and the live streams) on a free port. Stopped by `stop()`.
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const FRONTEND = resolve(here, '..')
const REPO = resolve(FRONTEND, '..')
const BACKEND = join(REPO, 'backend')
const VENV_BIN = join(REPO, '.venv/bin')

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/** @param {string} url @param {number} timeoutMs */
async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250))
  }
  throw new Error(`The backend did not answer ${url} within ${timeoutMs / 1000} s.`)
}

/**
 * One call of the backend's API, as a client with `token` (an access token) would make it;
 * the answer's JSON, or an error naming the status and body when it is not a 2xx.
 * @param {string} baseUrl @param {string} method @param {string} path
 * @param {{ token?: string, body?: unknown }} [options]
 * @returns {Promise<any>}
 */
export async function callApi(baseUrl, method, path, { token, body } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

export async function startBackend() {
  if (!existsSync(join(FRONTEND, 'dist/index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: FRONTEND, stdio: 'inherit' })
  }
  const work = mkdtempSync(join(tmpdir(), 'vitrin-e2e-'))
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    DJANGO_ENV: 'development',
    DJANGO_DEBUG: '0',
    SQLITE_PATH: join(work, 'db.sqlite3'),
    VITRIN_VAR_DIR: work,
    MEDIA_ROOT: join(work, 'media'),
    STATIC_ROOT: join(work, 'static'),
    THROTTLE_LOGIN_IP: '1000/min',
    THROTTLE_LOGIN_ACCOUNT: '1000/min',
    THROTTLE_REGISTER: '1000/min',
    THROTTLE_WRITES: '1000/min',
    THROTTLE_UPLOADS: '1000/min',
    THROTTLE_ANON: '10000/min',
    THROTTLE_USER: '10000/min',
    LOG_LEVEL: 'WARNING',
  }
  // The browser tests always run on SQLite and the local-memory cache, whatever CI exported.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'CELERY_BROKER_URL', 'AWS_STORAGE_BUCKET_NAME', 'GOOGLE_OAUTH_CLIENT_ID']) delete env[name]
  const python = join(VENV_BIN, 'python')
  const manage = (/** @type {string[]} */ ...args) =>
    execFileSync(python, ['manage.py', ...args], { cwd: BACKEND, env, stdio: ['ignore', 'ignore', 'inherit'] })
  manage('migrate', '--no-input')
  manage('seed_demo')
  manage('collectstatic', '--no-input', '-v0')

  const port = await freePort()
  env.DJANGO_ALLOWED_HOSTS = '127.0.0.1,localhost'
  env.FRONTEND_URL = `http://127.0.0.1:${port}`
  const server = spawn(
    join(VENV_BIN, 'uvicorn'),
    ['vitrin.asgi:application', '--host', '127.0.0.1', '--port', String(port), '--timeout-graceful-shutdown', '2', '--no-access-log'],
    { cwd: BACKEND, env, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  server.stderr?.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-20_000)
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(`${url}/api/health/`, 60_000)
  } catch (error) {
    server.kill('SIGTERM')
    throw new Error(`${String(error)}\n${log}`)
  }
  return {
    url,
    python,
    work,
    log: () => log,
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM')
        await new Promise((done) => server.once('exit', done))
      }
      rmSync(work, { recursive: true, force: true })
    },
  }
}
