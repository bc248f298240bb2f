import { useMutation } from '@tanstack/react-query'
import { request } from '../api'

export function requestPasswordReset(email: string): Promise<void> {
  return request<void>('/auth/password/reset/', { method: 'POST', body: { email }, skipRefresh: true })
}

export function usePasswordResetRequest() {
  return useMutation({ mutationFn: requestPasswordReset })
}
