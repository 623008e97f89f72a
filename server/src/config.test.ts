import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', maxFrameBytes: 2 * 1024 * 1024 })
    expect(config.dataDir.endsWith('data')).toBe(true)
  })

  it('reads variables and treats empty ones as unset', () => {
    const config = loadConfig({ PORT: '9000', DATA_DIR: '/tmp/x', REDIS_URL: '' })
    expect(config).toMatchObject({ port: 9000, dataDir: '/tmp/x', redisUrl: undefined })
  })

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', GROUP_COMMIT_MS: '500' })).toThrowError(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT/)
    expect(() => loadConfig({ GROUP_COMMIT_MS: '500' })).toThrowError(/GROUP_COMMIT_MS/)
  })
})
