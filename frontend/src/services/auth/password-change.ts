import { useMutation } from '@tanstack/react-query'
import { request } from '../api'

export interface PasswordChangeInput {
  old_password: string
  new_password: string
}

export function changePassword(input: PasswordChangeInput): Promise<void> {
  return request<void>('/auth/password/change/', { method: 'POST', body: input })
}

export function usePasswordChange() {
  return useMutation({ mutationFn: changePassword })
}
