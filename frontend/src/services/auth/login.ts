import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AuthResponse } from '../../types/models'
import { acceptAuthResponse, request } from '../api'
import { startSession } from './session'

export interface LoginInput {
  login: string
  password: string
}

export async function login({ login: identifier, password }: LoginInput): Promise<AuthResponse> {
  const body = identifier.includes('@') ? { email: identifier, password } : { username: identifier, password }
  const data = await request<AuthResponse>('/auth/login/', { method: 'POST', body, skipRefresh: true })
  return acceptAuthResponse(data)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: login, onSuccess: ({ user }) => startSession(queryClient, user) })
}
