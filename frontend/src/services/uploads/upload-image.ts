import type { Upload } from '../../types/models'
import { apiUrl, ApiError, currentAccessToken, errorFromBody, refreshAccessToken } from '../api'

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
 * Uploads an image with progress. XMLHttpRequest, not fetch: only it reports upload progress.
 * A 401 is retried once after a silent refresh, like every other request of services/api.ts.
 */
export async function uploadImage(file: File, options: UploadOptions = {}): Promise<Upload> {
  try {
    return await send(file, options)
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const token = await refreshAccessToken()
      if (token) return send(file, options)
    }
    throw error
  }
}

function send(file: File, { onProgress, signal }: UploadOptions): Promise<Upload> {
  const token = currentAccessToken()
  return new Promise<Upload>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl('/uploads/'))
    xhr.setRequestHeader('Accept', 'application/json')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => {
      let data: unknown = null
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1)
        resolve(data as Upload)
      } else {
        const retryAfter = Number(xhr.getResponseHeader('Retry-After')) || null
        reject(errorFromBody(xhr.status, data, retryAfter))
      }
    }
    xhr.onerror = () => reject(errorFromBody(0, null))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort())
    const form = new FormData()
    form.append('file', file)
    xhr.send(form)
  })
}
