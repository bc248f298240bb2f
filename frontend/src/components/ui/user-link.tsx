import { Link } from 'react-router'
import type { PublicUser } from '../../types/models'
import { displayName } from '../../utils/format'

export function UserLink({ user, className }: { user: Pick<PublicUser, 'username' | 'first_name' | 'last_name'>; className?: string }) {
  return (
    <Link to={`/users/${user.username}`} className={className ?? 'font-semibold hover:underline'}>
      {displayName(user)}
    </Link>
  )
}
