import { describe, expect, it } from 'vitest'
import { parseRoute, tokenFromHash } from './parse-route'

describe('parseRoute', () => {
  it('sends the root to the start page', () => {
    expect(parseRoute('/')).toEqual({ kind: 'start' })
  })

  it('sends /toegankelijkheid to the accessibility statement', () => {
    expect(parseRoute('/toegankelijkheid')).toEqual({ kind: 'accessibility' })
    expect(parseRoute('/toegankelijkheid/')).toEqual({ kind: 'accessibility' })
  })

  it('reads the board id from /b/:boardId with or without a trailing slash', () => {
    expect(parseRoute('/b/abc-123')).toEqual({ kind: 'board', boardId: 'abc-123' })
    expect(parseRoute('/b/abc_123/')).toEqual({ kind: 'board', boardId: 'abc_123' })
  })

  it('refuses board ids the server would refuse', () => {
    expect(parseRoute('/b/has%20space')).toEqual({ kind: 'invalidBoard' })
    expect(parseRoute(`/b/${'x'.repeat(65)}`)).toEqual({ kind: 'invalidBoard' })
    expect(parseRoute('/b/')).toEqual({ kind: 'invalidBoard' })
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ kind: 'invalidBoard' })
  })

  it('treats other paths as not found', () => {
    expect(parseRoute('/admin')).toEqual({ kind: 'notFound' })
    expect(parseRoute('/b/x/y')).toEqual({ kind: 'notFound' })
  })
})

describe('tokenFromHash', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=s3cret')).toBe('s3cret')
    expect(tokenFromHash('#foo=1&token=a%2Bb')).toBe('a+b')
  })

  it('answers null without a token', () => {
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#token=')).toBeNull()
  })
})
