/** `YYYY-MM-DD` of a moment, in UTC (the API's `date=` filter is a UTC day). */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  const moment = new Date(`${day}T00:00:00Z`)
  moment.setUTCDate(moment.getUTCDate() + days)
  return utcDay(moment)
}

/** Builds an Intl formatter on first use: creating them all at start-up costs the first paint. */
function lazily<T>(create: () => T): () => T {
  let value: T | undefined
  return () => (value ??= create())
}

const dayFormat = lazily(() => new Intl.DateTimeFormat('en', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }))
const shortDayFormat = lazily(() => new Intl.DateTimeFormat('en', { month: 'long', day: 'numeric', timeZone: 'UTC' }))
const dateFormat = lazily(() => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }))
const relative = lazily(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }))

/** "Today", "Yesterday" or "Monday, March 3" for a UTC day. */
export function dayLabel(day: string, today: string = utcDay(new Date())): string {
  if (day === today) return 'Today'
  if (day === addDays(today, -1)) return 'Yesterday'
  return dayFormat().format(new Date(`${day}T00:00:00Z`))
}

/** "March 3" for a UTC day. */
export function shortDayLabel(day: string): string {
  return shortDayFormat().format(new Date(`${day}T00:00:00Z`))
}

export function formatDate(iso: string): string {
  return dateFormat().format(new Date(iso))
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 hours ago", "yesterday", "just now". */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit)
  }
  return 'just now'
}
