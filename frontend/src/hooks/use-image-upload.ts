import { useCallback, useEffect, useRef, useState } from 'react'
import { checkImageFile, uploadImage } from '../services/uploads/upload-image'
import type { Upload } from '../types/models'
import { errorMessage } from '../utils/error-message'
import { useLatest } from './use-latest'

export interface UploadState {
  /** A local preview of the file while it uploads. */
  preview: string | null
  progress: number
  uploading: boolean
  error: string
}

const IDLE: UploadState = { preview: null, progress: 0, uploading: false, error: '' }

/** Uploads one image at a time, exposing a local preview and the progress while it goes. */
export function useImageUpload(onUploaded: (upload: Upload) => void) {
  const [state, setState] = useState<UploadState>(IDLE)
  const controller = useRef<AbortController | null>(null)
  const callback = useLatest(onUploaded)

  useEffect(() => () => controller.current?.abort(), [])
  useEffect(() => {
    const preview = state.preview
    return () => {
      if (preview) URL.revokeObjectURL(preview)
    }
  }, [state.preview])

  const upload = useCallback(async (file: File) => {
    const problem = checkImageFile(file)
    if (problem) {
      setState({ ...IDLE, error: problem })
      return
    }
    controller.current?.abort()
    const abort = new AbortController()
    controller.current = abort
    setState({ preview: URL.createObjectURL(file), progress: 0, uploading: true, error: '' })
    try {
      const result = await uploadImage(file, {
        signal: abort.signal,
        onProgress: (progress) => setState((current) => ({ ...current, progress })),
      })
      callback.current(result)
      setState(IDLE)
    } catch (error) {
      if (abort.signal.aborted) return
      setState({ ...IDLE, error: errorMessage(error) })
    }
  }, [callback])

  const cancel = useCallback(() => {
    controller.current?.abort()
    setState(IDLE)
  }, [])

  return { ...state, upload, cancel }
}
