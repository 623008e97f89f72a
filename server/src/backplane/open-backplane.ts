import type { Config } from '../config'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import { type Backplane, createLocalBackplane } from './backplane'

/** Redis when REDIS_URL is set; otherwise the in-process backplane. */
export async function openBackplane(
  config: Config,
  metrics: Metrics,
  logger: Logger,
): Promise<Backplane> {
  if (!config.redisUrl) return createLocalBackplane()
  // ioredis loads only when it is used: one instance never needs it.
  const { createRedisBackplane } = await import('./redis-backplane')
  return createRedisBackplane(config.redisUrl, metrics, logger)
}
