import { useRef } from 'react'
import { useImageUpload } from '../../hooks/use-image-upload'
import { useLatest } from '../../hooks/use-latest'
import { ACCEPTED_IMAGE_TYPES } from '../../services/uploads/upload-image'
import { Button } from '../ui/button'
import { ChevronLeftIcon, ChevronRightIcon, PlusIcon, TrashIcon } from '../ui/icons'
import { limits } from '../../types/limits'
import { UploadProgress } from './upload-progress'

/** The API's limit of gallery images, from its schema. */
export const MAX_GALLERY = limits.ProductCreateInputRequest.gallery.maxItems


interface GalleryEditorProps {
  value: string[]
  onChange: (images: string[]) => void
  error?: string | undefined
}

function move<T>(items: T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** The product's gallery: add images one by one, remove them, move them earlier or later. */
export function GalleryEditor({ value, onChange, error }: GalleryEditorProps) {
  const input = useRef<HTMLInputElement>(null)
  const latest = useLatest(value)
  const upload = useImageUpload((result) => onChange([...latest.current, result.url].slice(0, MAX_GALLERY)))
  const full = value.length >= MAX_GALLERY
  const message = upload.error || error
  const iconButton = 'flex size-8 items-center justify-center rounded-full bg-surface/95 text-ink shadow hover:text-accent disabled:opacity-40'
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">
        Gallery <span className="font-normal text-muted">(optional, up to {MAX_GALLERY} images)</span>
      </legend>
      <ol className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {value.map((image, index) => (
          <li key={`${image}-${index}`} className="relative overflow-hidden rounded-2xl border border-line bg-sunken">
            <img src={image} alt={`Gallery item ${index + 1}`} width={240} height={150} className="aspect-[16/10] w-full object-cover" />
            <div className="absolute inset-x-1.5 bottom-1.5 flex justify-between">
              <span className="flex gap-1">
                <button type="button" className={iconButton} disabled={index === 0} onClick={() => onChange(move(value, index, index - 1))} aria-label={`Move image ${index + 1} earlier`}>
                  <ChevronLeftIcon size={16} />
                </button>
                <button type="button" className={iconButton} disabled={index === value.length - 1} onClick={() => onChange(move(value, index, index + 1))} aria-label={`Move image ${index + 1} later`}>
                  <ChevronRightIcon size={16} />
                </button>
              </span>
              <button type="button" className={iconButton} onClick={() => onChange(value.filter((_, position) => position !== index))} aria-label={`Remove image ${index + 1}`}>
                <TrashIcon size={16} />
              </button>
            </div>
          </li>
        ))}
        {upload.uploading && upload.preview && (
          <li className="relative overflow-hidden rounded-2xl border border-line bg-sunken p-2">
            <img src={upload.preview} alt="Preview of the upload" className="aspect-[16/10] w-full rounded-xl object-cover opacity-60" />
            <div className="mt-2">
              <UploadProgress progress={upload.progress} label="Uploading gallery image" />
            </div>
          </li>
        )}
        {!full && !upload.uploading && (
          <li>
            <Button variant="secondary" className="aspect-[16/10] h-auto w-full rounded-2xl border-dashed" onClick={() => input.current?.click()}>
              <PlusIcon size={18} /> Add an image
            </Button>
          </li>
        )}
      </ol>
      {message && (
        <p role="alert" className="text-sm font-medium text-danger">
          {message}
        </p>
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(',')}
        className="sr-only"
        tabIndex={-1}
        aria-label="Add a gallery image"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void upload.upload(file)
        }}
      />
    </fieldset>
  )
}
