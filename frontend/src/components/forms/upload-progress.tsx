export function UploadProgress({ progress, label }: { progress: number; label: string }) {
  const percent = Math.round(progress * 100)
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-sunken"
      >
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-muted tabular-nums">{percent < 100 ? `Uploading… ${percent}%` : 'Processing…'}</p>
    </div>
  )
}
