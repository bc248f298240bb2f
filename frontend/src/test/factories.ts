import type { Category, Comment, Me, Notification, Product, PublicUser } from '../types/models'

export function makeUser(overrides: Partial<PublicUser> = {}): PublicUser {
  return {
    id: 1,
    username: 'ada',
    first_name: 'Ada',
    last_name: 'Lovelace',
    avatar: '',
    avatar_variants: null,
    bio: 'Makes engines.',
    website: 'https://ada.example',
    created_at: '2026-01-02T10:00:00Z',
    products_count: 1,
    followers_count: 10,
    following_count: 2,
    is_following: false,
    ...overrides,
  }
}

export function makeMe(overrides: Partial<Me> = {}): Me {
  return { ...makeUser({ id: 99, username: 'me', first_name: 'Grace', last_name: 'Hopper' }), email: 'me@example.com', email_verified: true, ...overrides }
}

export function makeCategory(overrides: Partial<Category> = {}): Category {
  return {
    id: 1,
    name: 'Productivity',
    slug: 'productivity',
    description: 'Do more with less.',
    icon: '⚡',
    color: '#c2410c',
    products_count: 3,
    ...overrides,
  }
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 1,
    slug: 'lamp',
    title: 'Lamp',
    tagline: 'A desk lamp for your tabs',
    description: 'It lights things.',
    url: 'https://lamp.example',
    category: makeCategory(),
    author: makeUser(),
    image: '',
    image_variants: null,
    gallery: [],
    tags: ['focus'],
    status: 'published',
    upvote_count: 5,
    view_count: 10,
    comment_count: 0,
    has_upvoted: false,
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    published_at: '2026-01-02T10:00:00Z',
    ...overrides,
  }
}

export function makeComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 1,
    product: 1,
    parent: null,
    author: makeUser(),
    content: 'Nice work',
    is_deleted: false,
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    replies: [],
    reply_count: overrides.replies?.length ?? 0,
    replies_next: null,
    ...overrides,
  }
}

export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 1,
    verb: 'comment',
    actor: makeUser(),
    product: 1,
    product_title: 'Lamp',
    comment: 3,
    read: false,
    created_at: '2026-01-02T10:00:00Z',
    ...overrides,
  }
}
