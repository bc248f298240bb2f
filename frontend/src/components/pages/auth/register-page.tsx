import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { RegisterForm } from '../../forms/register-form'
import { GoogleButton } from '../../ui/google-button'
import { AuthCard, safeNext } from './auth-card'

export default function RegisterPage() {
  useDocumentTitle('Create your account')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { status } = useSession()
  const next = safeNext(params.get('next'))
  const done = () => void navigate(next, { replace: true })
  if (status === 'authenticated') return <Navigate to={next} replace />
  return (
    <AuthCard
      title="Join Vitrin"
      subtitle="Discover new products every day, and launch your own."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" className="font-semibold text-accent hover:underline">
            Log in
          </Link>
        </>
      }
    >
      <RegisterForm onSuccess={done} />
      <div className="mt-6">
        <GoogleButton onSignedIn={done} />
      </div>
    </AuthCard>
  )
}
