import { useAppStatus } from '../../hooks/use-app-status'

/** Says so when the page shows what the person saw last instead of what the server says now. */
export function OfflineNotice() {
  const { offline } = useAppStatus()
  // The live region is always there, so that its text is announced when it appears.
  return (
    <div role="status" className={offline ? 'border-b border-line bg-sunken' : undefined}>
      {offline && <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-medium">You are offline — showing what you saw last</p>}
    </div>
  )
}
