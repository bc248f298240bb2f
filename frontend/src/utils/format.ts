/** 999, 1.2K, 12K, 3.4M (by hand, like utils/dates.ts, to keep Intl off the first page). */
export function compactNumber(value: number): string {
  if (value < 1000) return String(value)
  const [size, suffix] = value < 1_000_000 ? [1000, 'K'] : [1_000_000, 'M']
  const scaled = value / size
  const shown = scaled < 10 ? Math.floor(scaled * 10) / 10 : Math.floor(scaled)
  return `${shown}${suffix}`
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${compactNumber(count)} ${count === 1 ? one : many}`
}

export function displayName(user: { username: string; first_name: string; last_name: string }): string {
  const full = `${user.first_name} ${user.last_name}`.trim()
  return full || user.username
}

export function initials(user: { username: string; first_name: string; last_name: string }): string {
  const name = displayName(user)
  const parts = name.split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : name.slice(0, 2)
  return letters.toUpperCase()
}

/** The host of a link, for showing it ("example.com"), or the link itself if it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return url
  }
}

/** Only http(s) links are ever put in an href: a `javascript:` URL from a user never runs. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url, window.location.origin)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ')
}
