import { useEffect, useRef, useState } from 'react'
import { useLatest } from '../../hooks/use-latest'
import { useClientConfig } from '../../services/config/get-client-config'
import { useGoogleLogin } from '../../services/auth/google-login'
import { errorMessage } from '../../utils/error-message'
import { FormError } from './states'

interface GoogleAccounts {
  accounts: {
    id: {
      initialize: (options: { client_id: string; callback: (response: { credential: string }) => void }) => void
      renderButton: (element: HTMLElement, options: Record<string, string | number>) => void
    }
  }
}

declare global {
  interface Window {
    google?: GoogleAccounts
  }
}

const SCRIPT_URL = 'https://accounts.google.com/gsi/client'
let scriptLoading: Promise<void> | null = null

function loadGoogleScript(): Promise<void> {
  scriptLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = SCRIPT_URL
    script.async = true
    script.onload = () => resolve()
    script.onerror = () => {
      scriptLoading = null
      reject(new Error('Google sign-in could not be loaded.'))
    }
    document.head.append(script)
  })
  return scriptLoading
}

/** "Sign in with Google" through Google Identity Services; absent when no client id is configured. */
export function GoogleButton({ onSignedIn }: { onSignedIn: () => void }) {
  const config = useClientConfig()
  const clientId = config.data?.google_client_id ?? null
  const container = useRef<HTMLDivElement>(null)
  const google = useGoogleLogin()
  const [loadError, setLoadError] = useState('')
  const signedIn = useLatest(onSignedIn)
  const mutate = useLatest(google.mutate)

  useEffect(() => {
    if (!clientId || !container.current) return
    let cancelled = false
    loadGoogleScript()
      .then(() => {
        const element = container.current
        if (cancelled || !element || !window.google) return
        window.google.accounts.id.initialize({
          client_id: clientId,
          callback: ({ credential }) => mutate.current(credential, { onSuccess: () => signedIn.current() }),
        })
        window.google.accounts.id.renderButton(element, { theme: 'outline', size: 'large', shape: 'pill', width: 320, text: 'signin_with' })
      })
      .catch(() => setLoadError('Google sign-in could not be loaded. Use your email and password, or try again later.'))
    return () => {
      cancelled = true
    }
  }, [clientId, mutate, signedIn])

  if (!clientId) return null
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
      </div>
      <div ref={container} className="flex min-h-11 justify-center" />
      <FormError message={loadError || (google.isError ? errorMessage(google.error) : '')} />
    </div>
  )
}
