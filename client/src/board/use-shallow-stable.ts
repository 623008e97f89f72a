import { useRef } from 'react'

/**
 * The same object as last render while every field is the same (===): a context value built
 * from many fields then changes identity only when one of them changes, without listing each
 * field a second time as memo dependencies.
 */
export function useShallowStable<T extends object>(value: T): T {
  const kept = useRef(value)
  if (!shallowEqual(kept.current, value)) kept.current = value
  return kept.current
}

function shallowEqual(a: object, b: object): boolean {
  const keys = Object.keys(a) as (keyof typeof a)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.is(a[key], b[key]))
}
