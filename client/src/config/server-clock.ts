/**
 * The server's clock as this browser estimates it. Shared times (the facilitator's timer, "bring
 * everyone to me") are written by one browser and read by others; their own clocks can be
 * minutes apart, the server's is one for all. One page has one server, hence one module-level
 * estimate.
 */
let offsetMs = 0

/** Milliseconds since the epoch on the server's clock. */
export function serverNow(): number {
  return Date.now() + offsetMs
}

/**
 * Learns the offset from a server time read between `sentAt` and `receivedAt` (local clock):
 * assumed to be taken halfway, so the error is at most half the round trip.
 */
export function learnServerTime(serverTime: number, sentAt: number, receivedAt: number): void {
  if (!Number.isFinite(serverTime) || receivedAt < sentAt) return
  offsetMs = serverTime - (sentAt + receivedAt) / 2
}
