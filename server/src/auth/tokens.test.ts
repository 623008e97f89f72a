import { describe, expect, it } from 'vitest'
import { generateToken, hashToken, roleForToken } from './tokens'

describe('share tokens', () => {
  it('are at least 128 random bits and URL-safe', () => {
    const token = generateToken()
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(generateToken()).not.toBe(token)
  })

  it('grant the role whose hash matches, and nothing for a wrong or malformed token', () => {
    const editor = generateToken()
    const viewer = generateToken()
    const stored = [
      { role: 'editor' as const, hash: hashToken(editor) },
      { role: 'viewer' as const, hash: hashToken(viewer) },
    ]
    expect(roleForToken(stored, editor)).toBe('editor')
    expect(roleForToken(stored, viewer)).toBe('viewer')
    expect(roleForToken(stored, generateToken())).toBeNull()
    expect(roleForToken(stored, hashToken(editor))).toBeNull()
    expect(roleForToken(stored, '')).toBeNull()
    expect(roleForToken(stored, 'x'.repeat(10_000))).toBeNull()
  })
})
