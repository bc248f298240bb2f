import { useAppStatus } from '../../hooks/use-app-status'
import { applyUpdate } from '../../services/app-status'
import { Button } from './button'

/** Offers the new version of the app once its service worker is installed and waiting. */
export function UpdatePrompt() {
  const { updateReady } = useAppStatus()
  if (!updateReady) return null
  return (
    <div
      role="status"
      className="fixed inset-x-4 bottom-4 z-50 mx-auto flex max-w-md items-center gap-4 rounded-2xl border border-line bg-surface px-4 py-3 shadow-lg"
    >
      <p className="flex-1 text-sm font-medium">A new version of Vitrin is ready</p>
      <Button size="sm" onClick={applyUpdate}>
        Reload
      </Button>
    </div>
  )
}
