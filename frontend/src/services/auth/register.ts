import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AuthResponse } from '../../types/models'
import { acceptAuthResponse, request } from '../api'
import { startSession } from './session'

export interface RegisterInput {
  username: string
  email: string
  password: string
}

export async function register(input: RegisterInput): Promise<AuthResponse> {
  const data = await request<AuthResponse>('/auth/register/', { method: 'POST', body: input, skipRefresh: true })
  return acceptAuthResponse(data)
}

export function useRegister() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: register, onSuccess: ({ user }) => startSession(queryClient, user) })
}
