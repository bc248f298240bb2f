import { Link } from 'react-router'
import type { Category } from '../../types/models'

export function CategoryBadge({ category }: { category: Pick<Category, 'slug' | 'name' | 'icon'> }) {
  return (
    <Link
      to={`/categories/${category.slug}`}
      className="relative z-10 inline-flex items-center gap-1 rounded-full bg-brass-soft px-2.5 py-0.5 text-xs font-semibold text-brass hover:underline"
    >
      {category.icon && <span aria-hidden="true">{category.icon}</span>}
      {category.name}
    </Link>
  )
}
