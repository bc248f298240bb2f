import { useMutation } from '@tanstack/react-query'
import { request } from '../api'

/** E-mails the signed-in person a new verification link (the API limits it to a few per hour). */
export function resendEmailVerification(): Promise<void> {
  return request<void>('/auth/email/verify/resend/', { method: 'POST' })
}

export function useEmailVerificationResend() {
  return useMutation({ mutationFn: resendEmailVerification })
}
