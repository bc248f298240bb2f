import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession, type LoginState } from '../../../hooks/use-session'
import { LoginForm } from '../../forms/login-form'
import { GoogleButton } from '../../ui/google-button'
import { AuthCard, safeNext } from './auth-card'

export default function LoginPage() {
  useDocumentTitle('Log in')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { status } = useSession()
  const sessionExpired = (useLocation().state as LoginState | null)?.sessionExpired === true
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
      {sessionExpired && (
        <p role="status" className="mb-6 rounded-2xl border border-line bg-sunken px-4 py-3 text-sm">
          Your session has expired. Log in again to continue where you were.
        </p>
      )}
      <LoginForm onSuccess={done} />
      <div className="mt-6">
        <GoogleButton onSignedIn={done} />
      </div>
    </AuthCard>
  )
}
