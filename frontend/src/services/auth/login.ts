import { useMutation } from '@tanstack/react-query'
import type { AuthResponse } from '../../types/models'
import { acceptAuthResponse, request } from '../api'
import { useSession } from '../../hooks/use-session'

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
  const { signedIn } = useSession()
  return useMutation({ mutationFn: login, onSuccess: ({ user }) => signedIn(user) })
}
