import * as z from 'zod'

/** The part of the server's password rules that can be checked here; the server checks the rest. */
export const passwordRule = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(128, 'Use at most 128 characters.')
  .refine((value) => !/^\d+$/.test(value), 'A password cannot be only digits.')
