import { useMutation, useQueryClient } from '@tanstack/react-query'
import { request } from '../api'
import { endSession } from './session'

/** Revokes the refresh cookie's token; the backend also clears the cookie. */
export function logout(): Promise<void> {
  return request<void>('/auth/logout/', { method: 'POST', body: {}, skipRefresh: true })
}

/** Logs out; the session ends here even when the server could not be reached. */
export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: logout, onSettled: () => endSession(queryClient) })
}
