import { useSession } from '../../hooks/use-session'
import { useEmailVerificationResend } from '../../services/auth/email-verification-resend'
import { errorMessage } from '../../utils/error-message'
import { Button } from './button'

/** Asks a signed-in person whose address is not verified yet to open the e-mailed link. */
export function EmailVerificationBanner() {
  const { status, user } = useSession()
  const resend = useEmailVerificationResend()
  if (status !== 'authenticated' || !user || user.email_verified) return null
  return (
    <section aria-label="Verify your e-mail address" className="border-b border-line bg-sunken">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
        <div className="min-w-0 flex-1">
          <p className="font-semibold">Verify your e-mail address</p>
          <p className="text-muted">
            We sent a link to <span className="font-medium break-all text-ink">{user.email}</span>. Open it to confirm the address is
            yours.
          </p>
          {resend.isSuccess && (
            <p role="status" className="mt-1 font-medium text-ink">
              A new link is on its way. It can take a minute to arrive.
            </p>
          )}
          {resend.isError && (
            <p role="alert" className="mt-1 font-medium text-danger">
              {errorMessage(resend.error)}
            </p>
          )}
        </div>
        <Button variant="secondary" size="sm" busy={resend.isPending} onClick={() => resend.mutate()}>
          Resend the link
        </Button>
      </div>
    </section>
  )
}
