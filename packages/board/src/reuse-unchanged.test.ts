import { describe, expect, it } from 'vitest'
import { reuseUnchanged } from './reuse-unchanged'

describe('reuseUnchanged', () => {
  const prev = {
    id: 'shape:a',
    x: 1,
    props: { w: 10, richText: { type: 'doc', content: [{ type: 'paragraph' }] } },
    meta: {},
  }

  it('returns the previous value itself when everything is equal', () => {
    expect(reuseUnchanged(prev, structuredClone(prev))).toBe(prev)
  })

  it('keeps the unchanged parts and takes the changed ones', () => {
    const next = { ...structuredClone(prev), x: 2 }
    const merged = reuseUnchanged(prev, next)
    expect(merged).toEqual(next)
    expect(merged).not.toBe(prev)
    expect(merged.props).toBe(prev.props)
    expect(merged.meta).toBe(prev.meta)
  })

  it('shares below a changed part too', () => {
    const next = structuredClone(prev)
    next.props.w = 20
    const merged = reuseUnchanged(prev, next)
    expect(merged.props).not.toBe(prev.props)
    expect(merged.props.richText).toBe(prev.props.richText)
    expect(merged.props.w).toBe(20)
  })

  it('sees added, removed and reordered keys and array lengths', () => {
    expect(reuseUnchanged<object>(prev, { ...structuredClone(prev), extra: true })).not.toBe(prev)
    const { meta: _meta, ...withoutMeta } = structuredClone(prev)
    expect(reuseUnchanged<Record<string, unknown>>(prev, withoutMeta)).toEqual(withoutMeta)
    expect(reuseUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3])
    expect(reuseUnchanged([1, 2], [2, 1])).toEqual([2, 1])
    const same = [{ a: 1 }]
    expect(reuseUnchanged(same, [{ a: 1 }])).toBe(same)
  })

  it('treats arrays, objects, null and primitives of different kinds as changed', () => {
    expect(reuseUnchanged<unknown>({ a: [] }, { a: {} })).toEqual({ a: {} })
    expect(reuseUnchanged<unknown>({ a: null }, { a: {} })).toEqual({ a: {} })
    expect(reuseUnchanged<unknown>({ a: 1 }, { a: '1' })).toEqual({ a: '1' })
    expect(reuseUnchanged<unknown>({ a: 0 }, { a: -0 })).toEqual({ a: -0 })
  })
})
