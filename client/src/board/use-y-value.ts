import { useRef, useSyncExternalStore } from 'react'

/** What `useYValue` needs of a Y type (Y.Map, Y.Array, Y.XmlFragment…). */
interface ObservableType {
  observe(observer: () => void): void
  unobserve(observer: () => void): void
  observeDeep(observer: () => void): void
  unobserveDeep(observer: () => void): void
}

/**
 * The one way React reads the board's Y.Doc: `read(type)`, recomputed after any change to
 * `type` (deep changes too when `deep`), re-rendering only when the result changes (===).
 *
 * `read` must be stable (a module-level function or a `useCallback`): a new `read` is taken
 * as new input and recomputes. Return stored values as they are (Y hands back the same
 * object until it is written again) and derive from them with `useMemo`, so an unrelated
 * change in the same type does not re-render.
 */
export function useYValue<Type extends ObservableType, T>(
  type: Type,
  read: (type: Type) => T,
  { deep = false }: { deep?: boolean } = {},
): T {
  const changes = useRef(0)
  const cache = useRef<{ type: Type; read: (type: Type) => T; changes: number; value: T }>(null)
  const subscribe = (onChange: () => void) => {
    const observer = () => {
      changes.current += 1
      onChange()
    }
    if (deep) type.observeDeep(observer)
    else type.observe(observer)
    return () => (deep ? type.unobserveDeep(observer) : type.unobserve(observer))
  }
  const snapshot = () => {
    const cached = cache.current
    if (cached?.type === type && cached.read === read && cached.changes === changes.current) {
      return cached.value
    }
    const value = read(type)
    cache.current = { type, read, changes: changes.current, value }
    return value
  }
  return useSyncExternalStore(subscribe, snapshot)
}
