import { useMutation } from '@tanstack/react-query'
import { request } from '../api'

export interface PasswordResetConfirmInput {
  uid: string
  token: string
  new_password: string
}

export function confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
  return request<void>('/auth/password/reset/confirm/', { method: 'POST', body: input, skipRefresh: true })
}

export function usePasswordResetConfirm() {
  return useMutation({ mutationFn: confirmPasswordReset })
}
