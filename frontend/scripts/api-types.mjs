// @ts-check
/**
 * Generates src/types/api.ts from the backend's OpenAPI schema (`manage.py spectacular`).
 *   --write  rewrites the file
 *   --check  fails when the committed file differs from what the current schema generates
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = dirname(fileURLToPath(import.meta.url))
const frontend = resolve(here, '..')
const backend = resolve(frontend, '../backend')
const python = resolve(frontend, '../.venv/bin/python')
const target = join(frontend, 'src/types/api.ts')
const mode = process.argv.includes('--write') ? 'write' : 'check'

const HEADER = `/**
 * Generated from the backend's OpenAPI schema by \`npm run api-types\` (scripts/api-types.mjs).
 * Do not edit: change the API, then regenerate. \`npm run test\` fails when this file is stale.
 */
`

async function generate() {
  if (!existsSync(python)) {
    throw new Error(`No Python virtualenv at ${python}: run 'make install' first.`)
  }
  const work = mkdtempSync(join(tmpdir(), 'vitrin-schema-'))
  const schemaFile = join(work, 'schema.yaml')
  try {
    execFileSync(python, ['manage.py', 'spectacular', '--file', schemaFile], {
      cwd: backend,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, VITRIN_VAR_DIR: work, SQLITE_PATH: join(work, 'db.sqlite3'), LOG_LEVEL: 'ERROR' },
    })
    const ast = await openapiTS(pathToFileURL(schemaFile), { alphabetize: true })
    return HEADER + astToString(ast)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

let generated = ''
try {
  generated = await generate()
} catch (error) {
  const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr
  console.error(`Could not generate the API types from the backend schema:\n${stderr ? stderr.toString() : String(error)}`)
  process.exit(1)
}
if (mode === 'write') {
  writeFileSync(target, generated)
  console.log(`Wrote ${target}`)
} else {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : ''
  if (committed !== generated) {
    console.error('src/types/api.ts is stale: the backend API changed. Run `npm run api-types` and commit the result.')
    process.exit(1)
  }
  console.log('API types are up to date with the backend schema.')
}
