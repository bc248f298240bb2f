import { queryOptions, useQuery } from '@tanstack/react-query'
import type { PublicUser } from '../../types/models'
import { request } from '../api'
import { throwUnlessNotFound } from '../query-client'
import { userKeys } from './keys'

export function getUser(username: string, signal?: AbortSignal): Promise<PublicUser> {
  return request<PublicUser>(`/users/${encodeURIComponent(username)}/`, signal ? { signal } : {})
}

export const userQueryOptions = (username: string) =>
  queryOptions({ queryKey: userKeys.detail(username), queryFn: ({ signal }) => getUser(username, signal) })

/** A profile page: any failure but a 404 goes to the route's error boundary. */
export function useUser(username: string) {
  return useQuery({ ...userQueryOptions(username), throwOnError: throwUnlessNotFound })
}
