import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { ApiError } from '../../services/api'

/**
 * Puts each field error of a 400 answer next to its field; returns the message for the form
 * as a whole (a `detail`, or errors about fields the form does not show).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  aliases: Partial<Record<string, Path<T>>> = {},
): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.'
  const leftovers: string[] = []
  for (const [name, messages] of Object.entries(error.fieldErrors)) {
    const field = aliases[name] ?? (fields.includes(name as Path<T>) ? (name as Path<T>) : null)
    const message = messages.join(' ')
    if (field) setError(field, { type: 'server', message })
    else leftovers.push(message)
  }
  if (leftovers.length > 0) return leftovers.join(' ')
  return Object.keys(error.fieldErrors).length > 0 ? '' : error.message
}
