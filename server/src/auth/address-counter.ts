/**
 * Counts events per client address (failed tokens, boards created) in fixed one-minute
 * windows; an address past the limit is refused until its window ends. Memory stays bounded:
 * old windows are dropped as new ones open.
 */
export class AddressCounter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>()

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isOver(address: string): boolean {
    const window = this.current(address)
    return window !== undefined && window.count >= this.maxPerWindow
  }

  add(address: string): void {
    const window = this.current(address)
    if (window) window.count++
    else this.windows.set(address, { startedAt: this.now(), count: 1 })
    if (this.windows.size > 10_000) this.dropExpired()
  }

  private current(address: string) {
    const window = this.windows.get(address)
    if (window && this.now() - window.startedAt >= this.windowMs) {
      this.windows.delete(address)
      return undefined
    }
    return window
  }

  private dropExpired(): void {
    for (const [address, window] of this.windows) {
      if (this.now() - window.startedAt >= this.windowMs) this.windows.delete(address)
    }
  }
}
