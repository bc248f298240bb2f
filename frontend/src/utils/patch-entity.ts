/**
 * Returns `data` with every object whose `id` is `id` and that has the field `marker`
 * shallow-merged with `patch`, wherever it sits (a detail, a page of results, pages of an
 * infinite query, a launch day...). Untouched branches keep their identity.
 */
export function patchEntity<T>(data: T, marker: string, id: number, patch: Record<string, unknown>): T {
  return walk(data, marker, id, patch) as T
}

function walk(value: unknown, marker: string, id: number, patch: Record<string, unknown>): unknown {
  if (Array.isArray(value)) {
    let changed = false
    const next = value.map((item) => {
      const patched = walk(item, marker, id, patch)
      if (patched !== item) changed = true
      return patched
    })
    return changed ? next : value
  }
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  if (record.id === id && marker in record) return { ...record, ...patch }
  let changed = false
  const next: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(record)) {
    const patched = walk(child, marker, id, patch)
    if (patched !== child) changed = true
    next[key] = patched
  }
  return changed ? next : value
}
