import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { LoginForm } from '../../forms/login-form'
import { GoogleButton } from '../../ui/google-button'
import { AuthCard, safeNext } from './auth-card'

export default function LoginPage() {
  useDocumentTitle('Log in')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { status } = useSession()
  const next = safeNext(params.get('next'))
  const done = () => void navigate(next, { replace: true })
  if (status === 'authenticated') return <Navigate to={next} replace />
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Log in to upvote, comment and launch."
      footer={
        <>
          New to Vitrin?{' '}
          <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`} className="font-semibold text-accent hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm onSuccess={done} />
      <div className="mt-6">
        <GoogleButton onSignedIn={done} />
      </div>
    </AuthCard>
  )
}
