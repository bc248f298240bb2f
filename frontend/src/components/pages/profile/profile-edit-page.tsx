import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { ProfileForm } from '../../forms/profile-form'
import { RequireUser } from '../../ui/require-user'

export default function ProfileEditPage() {
  useDocumentTitle('Edit your profile')
  const { user } = useSession()
  return (
    <RequireUser>
      <div className="mx-auto max-w-2xl">
        <h1 className="font-display text-3xl font-semibold sm:text-4xl">Your profile</h1>
        <p className="mt-2 text-muted">This is what people see next to your launches and comments.</p>
        <div className="mt-8 rounded-[2rem] border border-line bg-surface p-5 sm:p-8">{user && <ProfileForm user={user} />}</div>
      </div>
    </RequireUser>
  )
}
