import { useMutation } from '@tanstack/react-query'
import type { AuthResponse } from '../../types/models'
import { acceptAuthResponse, request } from '../api'
import { useSession } from '../../hooks/use-session'

export async function googleLogin(idToken: string): Promise<AuthResponse> {
  const data = await request<AuthResponse>('/auth/google/', {
    method: 'POST',
    body: { id_token: idToken },
    skipRefresh: true,
  })
  return acceptAuthResponse(data)
}

export function useGoogleLogin() {
  const { signedIn } = useSession()
  return useMutation({ mutationFn: googleLogin, onSuccess: ({ user }) => signedIn(user) })
}
