import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { flattenPages } from '../../../services/paginate'
import { useProducts } from '../../../services/products/get-products'
import { useFollows } from '../../../services/users/get-follows'
import { useUpvotedProducts } from '../../../services/users/get-upvoted-products'
import type { FollowList } from '../../../services/users/keys'
import type { Page, Product } from '../../../types/models'
import { Avatar } from '../../ui/avatar'
import { FollowButton } from '../../ui/follow-button'
import { LoadMore } from '../../ui/load-more'
import { ProductRow } from '../../ui/product-row'
import { ProductListSkeleton, Skeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'
import { UserLink } from '../../ui/user-link'

interface ProductListProps {
  query: UseInfiniteQueryResult<InfiniteData<Page<Product>>>
  empty: string
}

function ProductList({ query, empty }: ProductListProps) {
  if (query.isPending) return <ProductListSkeleton rows={4} />
  const list = flattenPages(query.data)
  if (list.length === 0) return <EmptyState title={empty} />
  return (
    <>
      <ul className="-mx-2 sm:-mx-3">
        {list.map((product) => (
          <li key={product.id}>
            <ProductRow product={product} />
          </li>
        ))}
      </ul>
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoad={() => void query.fetchNextPage()} />
    </>
  )
}

export function ProductsTab({ username }: { username: string }) {
  return <ProductList query={useProducts({ author: username, ordering: 'new' }, { required: true })} empty="No launches yet" />
}

export function UpvotedTab({ username }: { username: string }) {
  return (
<ProductList query={useUpvotedProducts(username)} empty="No upvotes yet" />
  )
}

export function FollowsTab({ username, list }: { username: string; list: FollowList }) {
  const follows = useFollows(username, list)
  if (follows.isPending) {
    return (
      <div className="space-y-3" role="status" aria-label="Loading people">
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
      </div>
    )
  }
  const people = flattenPages(follows.data)
  if (people.length === 0) {
    return <EmptyState title={list === 'followers' ? 'No followers yet' : 'Not following anyone yet'} />
  }
  return (
    <>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {people.map((person) => (
          <li key={person.id} className="flex items-center gap-3 rounded-3xl border border-line bg-surface p-4">
            <Avatar user={person} size={48} />
            <div className="min-w-0 flex-1">
              <UserLink user={person} className="block truncate font-semibold hover:underline" />
              <p className="truncate text-sm text-muted">{person.bio || `@${person.username}`}</p>
            </div>
            <FollowButton user={person} size="sm" />
          </li>
        ))}
      </ul>
      <LoadMore hasMore={follows.hasNextPage} loading={follows.isFetchingNextPage} onLoad={() => void follows.fetchNextPage()} />
    </>
  )
}
