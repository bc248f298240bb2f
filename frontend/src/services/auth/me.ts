import { useMutation } from '@tanstack/react-query'
import type { Me } from '../../types/models'
import { request } from '../api'
import { useSession } from '../../hooks/use-session'

export function getMe(): Promise<Me> {
  return request<Me>('/auth/me/')
}

export type MeUpdate = Partial<Pick<Me, 'first_name' | 'last_name' | 'bio' | 'website' | 'avatar'>>

export function updateMe(changes: MeUpdate): Promise<Me> {
  return request<Me>('/auth/me/', { method: 'PATCH', body: changes })
}

export function useUpdateMe() {
  const { signedIn } = useSession()
  return useMutation({ mutationFn: updateMe, onSuccess: (user) => signedIn(user) })
}
