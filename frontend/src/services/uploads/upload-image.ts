import type { Upload } from '../../types/models'
import { request } from '../api'

export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif']
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export interface UploadOptions {
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/** Checks what the server would refuse anyway, so the person learns it before the upload. */
export function checkImageFile(file: File): string | null {
  if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) return 'Choose a JPEG, PNG, WebP or GIF image.'
  if (file.size > MAX_UPLOAD_BYTES) return 'This image is larger than 5 MB. Choose a smaller one.'
  return null
}

/**
 * Uploads an image through the one HTTP client: the same auth header, refresh on 401, session
 * expiry and error messages as every request; it only asks for the upload's progress.
 */
export function uploadImage(file: File, { onProgress, signal }: UploadOptions = {}): Promise<Upload> {
  const form = new FormData()
  form.append('file', file)
  return request<Upload>('/uploads/', {
    method: 'POST',
    body: form,
    onUploadProgress: onProgress ?? (() => undefined),
    ...(signal ? { signal } : {}),
  })
}
