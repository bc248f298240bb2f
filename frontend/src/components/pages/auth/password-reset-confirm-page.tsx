import { useState } from 'react'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useEmailedLink } from '../../../hooks/use-emailed-link'
import { usePasswordResetConfirm } from '../../../services/auth/password-reset-confirm'
import { NewPasswordForm } from '../../forms/new-password-form'
import { ButtonLink } from '../../ui/button'
import { AuthCard } from './auth-card'

/** The page of the e-mailed link: `/reset-password#uid=…&token=…` (links sent before: `?uid=…&token=…` or `/password/reset/<uid>/<token>`). */
export default function PasswordResetConfirmPage() {
  useDocumentTitle('Choose a new password')
  const { uid, token } = useEmailedLink()
  const confirm = usePasswordResetConfirm()
  const [done, setDone] = useState(false)
  if (!uid || !token) {
    return (
      <AuthCard title="This link is incomplete" subtitle="Open the link from the e-mail again, or ask for a new one.">
        <ButtonLink to="/password/reset">Ask for a new link</ButtonLink>
      </AuthCard>
    )
  }
  if (done) {
    return (
      <AuthCard title="Your password is changed" subtitle="Log in with your new password.">
        <ButtonLink to="/login" size="lg">
          Log in
        </ButtonLink>
      </AuthCard>
    )
  }
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link to="/password/reset" className="font-semibold text-accent hover:underline">
          Ask for a new link
        </Link>
      }
    >
      <NewPasswordForm
        withOldPassword={false}
        submitLabel="Save my new password"
        onSubmit={async ({ new_password }) => {
          await confirm.mutateAsync({ uid, token, new_password })
          setDone(true)
        }}
      />
    </AuthCard>
  )
}
