import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Me } from '../../types/models'
import { ApiError, currentAccessToken, refreshAccessToken, request } from '../api'
import { authKeys } from './keys'
import { readSignedInHint, writeSignedInHint } from './session'

export function getMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/auth/me/', signal ? { signal } : {})
}

/**
 * The signed-in person, or `null`. Without an access token in memory (a page load), a session
 * is restored from the refresh cookie, but only when a previous visit left the signed-in hint.
 */
export async function getSessionUser(signal?: AbortSignal): Promise<Me | null> {
  if (currentAccessToken() === null) {
    if (!readSignedInHint()) return null
    if ((await refreshAccessToken()) === null) {
      writeSignedInHint(false)
      return null
    }
  }
  try {
    return await getMe(signal)
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      writeSignedInHint(false)
      return null
    }
    throw error
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getSessionUser(signal),
    // Only a login, a logout, a profile update or an expired session change it, and each
    // writes it with `setQueryData`.
    staleTime: Infinity,
  })

export function useMe() {
  return useQuery(meQueryOptions())
}

export type MeUpdate = Partial<Pick<Me, 'first_name' | 'last_name' | 'bio' | 'website' | 'avatar'>>

export function updateMe(changes: MeUpdate): Promise<Me> {
  return request<Me>('/auth/me/', { method: 'PATCH', body: changes })
}

export function useUpdateMe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(authKeys.me(), user),
  })
}

/**
 * At page load, before React renders: a returning person's refresh starts at once, and every
 * other request (the first page's data) waits for it instead of going out anonymously.
 */
export function restoreSession(queryClient: QueryClient): void {
  if (readSignedInHint() && currentAccessToken() === null) void refreshAccessToken()
  void queryClient.prefetchQuery(meQueryOptions())
}
