import type { PublicUser } from '../../../types/models'
import { plural, safeHref, hostOf } from '../../../utils/format'
import { Avatar } from '../../ui/avatar'
import { FollowButton } from '../../ui/follow-button'
import { UserLink } from '../../ui/user-link'

export function MakerCard({ author }: { author: PublicUser }) {
  const website = safeHref(author.website)
  return (
    <section aria-labelledby="maker-heading" className="rounded-3xl border border-line bg-surface p-5">
      <h2 id="maker-heading" className="text-xs font-semibold tracking-widest text-brass uppercase">
        Maker
      </h2>
      <div className="mt-3 flex items-center gap-3">
        <Avatar user={author} size={52} />
        <div className="min-w-0">
          <UserLink user={author} className="block truncate text-lg font-semibold hover:underline" />
          <p className="truncate text-sm text-muted">@{author.username}</p>
        </div>
      </div>
      {author.bio && <p className="mt-3 line-clamp-4 text-sm">{author.bio}</p>}
      {website && (
        <a href={website} rel="noopener noreferrer nofollow ugc" target="_blank" className="mt-2 inline-block text-sm text-accent hover:underline">
          {hostOf(website)}
        </a>
      )}
      <p className="mt-3 text-sm text-muted">
        {plural(author.followers_count, 'follower')} · {plural(author.products_count, 'product')}
      </p>
      <div className="mt-4">
        <FollowButton user={author} />
      </div>
    </section>
  )
}
