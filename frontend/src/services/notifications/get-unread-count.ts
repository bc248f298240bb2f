import { queryOptions, useQuery } from '@tanstack/react-query'
import { request } from '../api'
import { notificationKeys } from './keys'

export function getUnreadCount(signal?: AbortSignal): Promise<number> {
  return request<{ unread: number }>('/notifications/unread-count/', signal ? { signal } : {}).then(
    (data) => data.unread,
  )
}

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  })

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadCountQueryOptions(), enabled })
}
