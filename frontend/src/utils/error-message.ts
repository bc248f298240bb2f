import { ApiError } from '../services/api'

/** A sentence a person can read, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError) return 'The network seems to be down. Check your connection and try again.'
  return 'Something went wrong. Please try again.'
}
