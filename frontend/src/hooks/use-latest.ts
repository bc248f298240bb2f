import { useLayoutEffect, useRef } from 'react'

/** A ref holding the last rendered `value`, for callbacks that outlive a render (an observer, an
 * upload, a third-party widget) and must call the current props without being set up again. */
export function useLatest<T>(value: T) {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
