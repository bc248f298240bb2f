import { useInfiniteQuery } from '@tanstack/react-query'
import type { Notification } from '../../types/models'
import { pagedQueryOptions } from '../paginate'
import { notificationKeys } from './keys'
import { throwWhenNothingToShow } from '../query-client'

export const notificationsQueryOptions = () =>
  pagedQueryOptions<Notification, ReturnType<typeof notificationKeys.list>>(
    notificationKeys.list(),
    '/notifications/',
  )

export function useNotifications() {
  return useInfiniteQuery({ ...notificationsQueryOptions(), throwOnError: throwWhenNothingToShow })
}
