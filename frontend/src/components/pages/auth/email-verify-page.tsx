import { useEffect, useRef } from 'react'
import { useEmailedLink } from '../../../hooks/use-emailed-link'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { useEmailVerify } from '../../../services/auth/email-verify'
import { ApiError } from '../../../services/api'
import { errorMessage } from '../../../utils/error-message'
import { ButtonLink } from '../../ui/button'
import { AuthCard } from './auth-card'

/** What the API said about the link (a 400 names the `token`), or what else went wrong. */
function linkRefusal(error: unknown): string {
  return (error instanceof ApiError && error.fieldErrors.token?.[0]) || errorMessage(error)
}

/** The page of the e-mailed link `/verify-email#uid=…&token=…`: it verifies the address at once. */
export default function EmailVerifyPage() {
  useDocumentTitle('Verify your e-mail address')
  const { uid, token } = useEmailedLink()
  const { status } = useSession()
  const { mutate, isSuccess, isError, error } = useEmailVerify()
  // The link works once: it is sent once, even when React runs the effect twice.
  const sent = useRef(false)

  useEffect(() => {
    if (sent.current || !uid || !token) return
    sent.current = true
    mutate({ uid, token })
  }, [mutate, uid, token])

  if (!uid || !token) {
    return (
      <AuthCard title="This link is incomplete" subtitle="Open the link from the e-mail again, or sign in and ask for a new one.">
        <ButtonLink to="/">Go to the home page</ButtonLink>
      </AuthCard>
    )
  }
  if (isSuccess) {
    return (
      <AuthCard title="Your e-mail address is verified" subtitle="Thank you: this address is now confirmed as yours.">
        <ButtonLink to={status === 'authenticated' ? '/' : '/login'} size="lg">
          {status === 'authenticated' ? 'Go to the home page' : 'Log in'}
        </ButtonLink>
      </AuthCard>
    )
  }
  if (isError) {
    return (
      <AuthCard title="This link did not work" subtitle={<span role="alert">{linkRefusal(error)}</span>}>
        <ButtonLink to="/">Go to the home page</ButtonLink>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Verifying your e-mail address…">
      <p role="status" className="text-muted">
        One moment.
      </p>
    </AuthCard>
  )
}
