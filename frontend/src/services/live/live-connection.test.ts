import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connectLive } from './live-connection'

/** The browser's EventSource, driven by the test: jsdom has none. */
class FakeEventSource {
  static opened: FakeEventSource[] = []
  closed = false
  private readonly listeners = new Map<string, (() => void)[]>()

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }

  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close() {
    this.closed = true
  }

  emit(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener()
  }
}

beforeEach(() => {
  FakeEventSource.opened = []
  vi.useFakeTimers()
  // The jitter at its smallest: each delay is half of 1 s, 2 s, 4 s...
  vi.spyOn(Math, 'random').mockReturnValue(0)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('a live connection', () => {
  it('reconnects after errors with doubling delays, then gives up for polling', () => {
    const onFallback = vi.fn()
    const stop = connectLive('/live/leaderboard/', { onCounts: vi.fn(), onResync: vi.fn(), onFallback }, {
      EventSourceClass: FakeEventSource as unknown as typeof EventSource,
    })
    const waited: number[] = []
    for (let failure = 1; failure < 6; failure += 1) {
      FakeEventSource.opened.at(-1)?.emit('error')
      let elapsed = 0
      while (FakeEventSource.opened.length === failure) {
        vi.advanceTimersByTime(100)
        elapsed += 100
      }
      waited.push(elapsed)
    }
    expect(waited).toEqual([500, 1000, 2000, 4000, 8000])
    expect(FakeEventSource.opened.slice(0, -1).every((source) => source.closed)).toBe(true)

    FakeEventSource.opened.at(-1)?.emit('error')
    vi.advanceTimersByTime(60_000)

    expect(FakeEventSource.opened).toHaveLength(6)
    expect(onFallback).toHaveBeenCalledTimes(1)
    stop()
  })

  it('starts counting failures again once a stream opens, and asks for a resync then', () => {
    const onResync = vi.fn()
    const onFallback = vi.fn()
    const stop = connectLive('/live/leaderboard/', { onCounts: vi.fn(), onResync, onFallback }, {
      EventSourceClass: FakeEventSource as unknown as typeof EventSource,
    })
    FakeEventSource.opened.at(-1)?.emit('open')
    for (let round = 0; round < 10; round += 1) {
      FakeEventSource.opened.at(-1)?.emit('error')
      vi.advanceTimersByTime(1000)
      FakeEventSource.opened.at(-1)?.emit('open')
    }

    expect(FakeEventSource.opened).toHaveLength(11)
    expect(onResync).toHaveBeenCalledTimes(10)
    expect(onFallback).not.toHaveBeenCalled()
    stop()
    expect(FakeEventSource.opened.at(-1)?.closed).toBe(true)
  })

  it('polls from the start where there is no EventSource', () => {
    const onFallback = vi.fn()
    connectLive('/live/leaderboard/', { onCounts: vi.fn(), onResync: vi.fn(), onFallback }, { EventSourceClass: undefined })
    expect(onFallback).toHaveBeenCalledTimes(1)
  })
})
