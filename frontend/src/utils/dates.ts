/*
 * Dates in English, formatted by hand: creating an Intl formatter loads locale data, which
 * costs a slow phone tens of milliseconds on the first page (measured with Lighthouse).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** `YYYY-MM-DD` of a moment, in UTC (the API's `date=` filter is a UTC day). */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  const moment = new Date(`${day}T00:00:00Z`)
  moment.setUTCDate(moment.getUTCDate() + days)
  return utcDay(moment)
}

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** "March 3" for a UTC day. */
export function shortDayLabel(day: string): string {
  const date = utcDate(day)
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`
}

/** "Today", "Yesterday" or "Monday, March 3" for a UTC day. */
export function dayLabel(day: string, today: string = utcDay(new Date())): string {
  if (day === today) return 'Today'
  if (day === addDays(today, -1)) return 'Yesterday'
  return `${WEEKDAYS[utcDate(day).getUTCDay()]}, ${shortDayLabel(day)}`
}

/** "Mar 3, 2026" in the reader's time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  return `${MONTHS[date.getMonth()]?.slice(0, 3)} ${date.getDate()}, ${date.getFullYear()}`
}

const STEPS: [string, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 hours ago", "yesterday", "just now". */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000)
  for (const [unit, size] of STEPS) {
    const count = Math.round(seconds / size)
    if (seconds >= size) {
      if (unit === 'day' && count === 1) return 'yesterday'
      return `${count} ${unit}${count === 1 ? '' : 's'} ago`
    }
  }
  return 'just now'
}
