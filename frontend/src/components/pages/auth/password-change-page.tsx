import { useState } from 'react'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { usePasswordChange } from '../../../services/auth/password-change'
import { NewPasswordForm } from '../../forms/new-password-form'
import { RequireUser } from '../../ui/require-user'
import { AuthCard } from './auth-card'

export default function PasswordChangePage() {
  useDocumentTitle('Change your password')
  const change = usePasswordChange()
  const [done, setDone] = useState(false)
  return (
    <RequireUser>
      <AuthCard title="Change your password" subtitle="Your other devices will be signed out.">
        {done ? (
          <p role="status" className="rounded-2xl bg-sunken px-4 py-4 text-sm">
            Your password is changed.
          </p>
        ) : (
          <NewPasswordForm
            withOldPassword
            submitLabel="Change my password"
            onSubmit={async (values) => {
              await change.mutateAsync(values)
              setDone(true)
            }}
          />
        )}
      </AuthCard>
    </RequireUser>
  )
}
