// @ts-check
/**
 * Generates from the backend's OpenAPI schema (`manage.py spectacular`):
 * - src/types/api.ts, the types of every path and object;
 * - src/types/limits.ts, the length and count limits of what the API accepts (the forms
 *   validate with them, so a limit changed in a serializer reaches the web app).
 *   --write  rewrites the files
 *   --check  fails when a committed file differs from what the current schema generates
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
const limitsTarget = join(frontend, 'src/types/limits.ts')
const mode = process.argv.includes('--write') ? 'write' : 'check'

const HEADER = `/**
 * Generated from the backend's OpenAPI schema by \`npm run api-types\` (scripts/api-types.mjs).
 * Do not edit: change the API, then regenerate. \`npm run test\` fails when this file is stale.
 */
`
const LIMIT_KEYS = ['minLength', 'maxLength', 'minItems', 'maxItems']

/**
 * The limits of one property: its own, and its items' under `items`.
 * @param {any} property @returns {Record<string, unknown>}
 */
function limitsOf(property) {
  const own = Object.fromEntries(LIMIT_KEYS.filter((key) => key in property).map((key) => [key, property[key]]))
  const items = property.items ? limitsOf(property.items) : null
  return items ? { ...own, items } : own
}

/** `limits.<RequestObject>.<field>` for every request body object of the schema, and
 * `queryLimits[<path>].<parameter>` for the query parameters of every GET.
 * @param {any} schema @returns {string} */
function limitsModule(schema) {
  /** @type {Record<string, Record<string, unknown>>} */
  const queries = {}
  for (const [path, operations] of Object.entries(/** @type {Record<string, any>} */ (schema.paths ?? {}))) {
    /** @type {Record<string, unknown>} */
    const parameters = {}
    for (const parameter of operations.get?.parameters ?? []) {
      const limits = parameter.in === 'query' && parameter.schema ? limitsOf(parameter.schema) : {}
      if (Object.keys(limits).length > 0) parameters[parameter.name] = limits
    }
    if (Object.keys(parameters).length > 0) queries[path] = parameters
  }
  /** @type {Record<string, Record<string, unknown>>} */
  const objects = {}
  for (const [name, component] of Object.entries(/** @type {Record<string, any>} */ (schema.components?.schemas ?? {}))) {
    if (!name.endsWith('Request')) continue
    /** @type {Record<string, unknown>} */
    const fields = {}
    for (const [field, property] of Object.entries(component.properties ?? {})) {
      const limits = limitsOf(property)
      if (Object.keys(limits).length > 0) fields[field] = limits
    }
    if (Object.keys(fields).length > 0) objects[name] = fields
  }
  return (
    `${HEADER}export const limits = ${JSON.stringify(objects, null, 2)} as const\n\n` +
    `export const queryLimits = ${JSON.stringify(queries, null, 2)} as const\n`
  )
}

async function generate() {
  if (!existsSync(python)) {
    throw new Error(`No Python virtualenv at ${python}: run 'make install' first.`)
  }
  const work = mkdtempSync(join(tmpdir(), 'vitrin-schema-'))
  const schemaFile = join(work, 'schema.json')
  try {
    execFileSync(python, ['manage.py', 'spectacular', '--format', 'openapi-json', '--file', schemaFile], {
      cwd: backend,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, VITRIN_VAR_DIR: work, SQLITE_PATH: join(work, 'db.sqlite3'), LOG_LEVEL: 'ERROR' },
    })
    const ast = await openapiTS(pathToFileURL(schemaFile), { alphabetize: true })
    return { [target]: HEADER + astToString(ast), [limitsTarget]: limitsModule(JSON.parse(readFileSync(schemaFile, 'utf8'))) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** @type {Record<string, string>} */
let generated = {}
try {
  generated = await generate()
} catch (error) {
  const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr
  console.error(`Could not generate the API types from the backend schema:\n${stderr ? stderr.toString() : String(error)}`)
  process.exit(1)
}
if (mode === 'write') {
  for (const [file, text] of Object.entries(generated)) {
    writeFileSync(file, text)
    console.log(`Wrote ${file}`)
  }
} else {
  const stale = Object.entries(generated).filter(([file, text]) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== text)
  if (stale.length > 0) {
    const names = stale.map(([file]) => file.slice(frontend.length + 1)).join(' and ')
    console.error(`${names} stale: the backend API changed. Run \`npm run api-types\` and commit the result.`)
    process.exit(1)
  }
  console.log('API types and limits are up to date with the backend schema.')
}
