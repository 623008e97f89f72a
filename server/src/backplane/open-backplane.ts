import type { Config } from '../config'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import { type Backplane, createLocalBackplane } from './backplane'
import { createRedisBackplane } from './redis-backplane'

/** Redis when REDIS_URL is set; otherwise the in-process backplane. */
export function openBackplane(
  config: Config,
  metrics: Metrics,
  logger: Logger,
): Promise<Backplane> {
  if (config.redisUrl) return createRedisBackplane(config.redisUrl, metrics, logger)
  return Promise.resolve(createLocalBackplane())
}
