/**
 * A token bucket per connection: `perSecond` messages on average, bursts of twice that.
 * Returns whether the next message is still within the rate.
 */
export function createMessageRate(
  perSecond: number,
  now: () => number = () => performance.now(),
): () => boolean {
  const capacity = perSecond * 2
  let allowance = capacity
  let lastRefill = now()
  return () => {
    const at = now()
    allowance = Math.min(capacity, allowance + ((at - lastRefill) / 1000) * perSecond)
    lastRefill = at
    allowance -= 1
    return allowance >= 0
  }
}
