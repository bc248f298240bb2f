import { useSyncExternalStore } from 'react'
import { appStatus, subscribeAppStatus, type AppStatus } from '../services/app-status'

export function useAppStatus(): AppStatus {
  return useSyncExternalStore(subscribeAppStatus, appStatus)
}
