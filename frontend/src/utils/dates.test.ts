import { describe, expect, it } from 'vitest'
import { addDays, dayLabel, shortDayLabel, timeAgo } from './dates'
import { compactNumber } from './format'

describe('dates and numbers as people read them', () => {
  it('names the days of the home page', () => {
    expect(dayLabel('2026-03-03', '2026-03-03')).toBe('Today')
    expect(dayLabel('2026-03-02', '2026-03-03')).toBe('Yesterday')
    expect(dayLabel('2026-03-01', '2026-03-03')).toBe('Sunday, March 1')
    expect(shortDayLabel('2026-12-31')).toBe('December 31')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('says how long ago', () => {
    const now = Date.parse('2026-03-03T12:00:00Z')
    expect(timeAgo('2026-03-03T11:59:40Z', now)).toBe('just now')
    expect(timeAgo('2026-03-03T11:00:00Z', now)).toBe('1 hour ago')
    expect(timeAgo('2026-03-02T10:00:00Z', now)).toBe('yesterday')
    expect(timeAgo('2026-02-01T12:00:00Z', now)).toBe('1 month ago')
  })

  it('shortens large counts', () => {
    expect(compactNumber(999)).toBe('999')
    expect(compactNumber(1250)).toBe('1.2K')
    expect(compactNumber(12_500)).toBe('12K')
    expect(compactNumber(3_400_000)).toBe('3.4M')
  })
})
