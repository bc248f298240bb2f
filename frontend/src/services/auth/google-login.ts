import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AuthResponse } from '../../types/models'
import { acceptAuthResponse, request } from '../api'
import { startSession } from './session'

export async function googleLogin(idToken: string): Promise<AuthResponse> {
  const data = await request<AuthResponse>('/auth/google/', {
    method: 'POST',
    body: { id_token: idToken },
    skipRefresh: true,
  })
  return acceptAuthResponse(data)
}

export function useGoogleLogin() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: googleLogin, onSuccess: ({ user }) => startSession(queryClient, user) })
}
