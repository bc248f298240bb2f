import { useMutation, useQueryClient } from '@tanstack/react-query'
import { request } from '../api'
import { authKeys } from './keys'

export interface EmailVerifyInput {
  uid: string
  token: string
}

/** Opens the e-mailed verification link: no session needed, the link itself is the proof. */
export function verifyEmail(input: EmailVerifyInput): Promise<void> {
  return request<void>('/auth/email/verify/', { method: 'POST', body: input, skipRefresh: true })
}

export function useEmailVerify() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: verifyEmail,
    // A signed-in person's account now says `email_verified`: the banner asking for it goes away.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  })
}
