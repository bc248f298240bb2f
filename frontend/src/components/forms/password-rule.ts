import * as z from 'zod'
import { limits } from '../../types/limits'

const MAX_LENGTH = limits.RegisterInputRequest.password.maxLength

/** The part of the server's password rules that can be checked here; the server checks the rest.
 * The minimum is Django's password validator's (settings AUTH_PASSWORD_VALIDATORS), which the
 * schema does not carry; the maximum is the schema's. */
export const passwordRule = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(MAX_LENGTH, `Use at most ${MAX_LENGTH} characters.`)
  .refine((value) => !/^\d+$/.test(value), 'A password cannot be only digits.')
