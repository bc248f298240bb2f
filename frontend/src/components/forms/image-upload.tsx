import { useId, useRef } from 'react'
import { useImageUpload } from '../../hooks/use-image-upload'
import { ACCEPTED_IMAGE_TYPES } from '../../services/uploads/upload-image'
import { Button } from '../ui/button'
import { ImageIcon } from '../ui/icons'
import { UploadProgress } from './upload-progress'

interface ImageUploadProps {
  label: string
  value: string
  onChange: (url: string) => void
  error?: string | undefined
  hint?: string
  shape?: 'square' | 'round'
}

/** Picks an image, shows it at once, uploads it with progress, and hands back the stored URL. */
export function ImageUpload({ label, value, onChange, error, hint, shape = 'square' }: ImageUploadProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const upload = useImageUpload((result) => onChange(result.url))
  const shown = upload.preview ?? value
  const message = upload.error || error
  const rounded = shape === 'round' ? 'rounded-full' : 'rounded-3xl'
  return (
    <div className="space-y-2">
      <p id={`${id}-label`} className="text-sm font-semibold">
        {label}
      </p>
      <div className="flex items-center gap-4">
        <div className={`relative flex size-24 shrink-0 items-center justify-center overflow-hidden border border-dashed border-line bg-sunken ${rounded}`}>
          {shown ? (
            <img src={shown} alt={`${label} preview`} width={96} height={96} className="h-full w-full object-cover" />
          ) : (
            <ImageIcon size={28} className="text-muted" />
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-2">
          {upload.uploading ? (
            <>
              <UploadProgress progress={upload.progress} label={`Uploading ${label.toLowerCase()}`} />
              <Button variant="ghost" size="sm" onClick={upload.cancel}>
                Cancel
              </Button>
            </>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={() => input.current?.click()} aria-describedby={`${id}-label`}>
                {value ? 'Replace image' : 'Choose an image'}
              </Button>
              {value && (
                <Button variant="ghost" size="sm" onClick={() => onChange('')}>
                  Remove
                </Button>
              )}
            </div>
          )}
          {hint && !message && <p className="text-xs text-muted">{hint}</p>}
          {message && (
            <p role="alert" className="text-sm font-medium text-danger">
              {message}
            </p>
          )}
        </div>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(',')}
        className="sr-only"
        tabIndex={-1}
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void upload.upload(file)
        }}
      />
    </div>
  )
}
