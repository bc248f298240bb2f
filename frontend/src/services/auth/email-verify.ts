import { useMutation } from '@tanstack/react-query'
import { request } from '../api'

export interface EmailVerifyInput {
  uid: string
  token: string
}

/** Opens the e-mailed verification link: no session needed, the link itself is the proof. */
export function verifyEmail(input: EmailVerifyInput): Promise<void> {
  return request<void>('/auth/email/verify/', { method: 'POST', body: input, skipRefresh: true })
}

export function useEmailVerify() {
  return useMutation({ mutationFn: verifyEmail })
}
