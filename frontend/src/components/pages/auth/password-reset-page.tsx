import { Link } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { PasswordResetForm } from '../../forms/password-reset-form'
import { AuthCard } from './auth-card'

export default function PasswordResetPage() {
  useDocumentTitle('Reset your password')
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Tell us your email and we will send you a link to choose a new one."
      footer={
        <Link to="/login" className="font-semibold text-accent hover:underline">
          Back to log in
        </Link>
      }
    >
      <PasswordResetForm />
    </AuthCard>
  )
}
