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

  it('reads the operations settings: creation rules, retention, quotas, metrics', () => {
    const config = loadConfig({
      ACCESS_LOG: 'off',
      BOARD_CREATION_KEY: 'gemeente-sleutel-2040',
      BOARD_CREATION_ALLOW: '10.0.0.0/8, 192.168.1.7, ::1',
      RETENTION_DAYS: '90',
      MAX_BOARDS_PER_HOUR: '20',
      MAX_WRITES_PER_MINUTE: '600',
      METRICS_PORT: '9100',
    })
    expect(config).toMatchObject({
      accessLog: false,
      boardCreationKey: 'gemeente-sleutel-2040',
      boardCreationAllow: [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '192.168.1.7', prefix: 32, family: 'ipv4' },
        { address: '::1', prefix: 128, family: 'ipv6' },
      ],
      retentionDays: 90,
      retentionWarnDays: 7,
      maxBoardsPerHour: 20,
      maxWritesPerMinute: 600,
      writeWindowMs: 60_000,
      metricsPort: 9100,
      metricsHost: '127.0.0.1',
    })
    expect(loadConfig({}).retentionDays).toBeUndefined()
    expect(loadConfig({}).accessLog).toBe(true)
    expect(loadConfig({}).maxWritesPerMinute).toBe(300)
    expect(() => loadConfig({ MAX_WRITES_PER_MINUTE: '0' })).toThrowError(/MAX_WRITES_PER_MINUTE/)
  })

  it('refuses an allow-list entry that is not an address or range, and a short key', () => {
    expect(() => loadConfig({ BOARD_CREATION_ALLOW: '10.0.0.0/33' })).toThrowError(
      /BOARD_CREATION_ALLOW/,
    )
    expect(() => loadConfig({ BOARD_CREATION_ALLOW: 'gemeente.nl' })).toThrowError(
      /BOARD_CREATION_ALLOW/,
    )
    expect(() => loadConfig({ BOARD_CREATION_KEY: 'kort' })).toThrowError(/BOARD_CREATION_KEY/)
  })
})
