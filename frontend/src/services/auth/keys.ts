export const authKeys = {
  all: ['auth'] as const,
  /** The signed-in person (`Me`), or `null` for an anonymous visitor. */
  me: () => [...authKeys.all, 'me'] as const,
}
