import { getFacilitator } from '@stip/board/doc-layout'
import type { FacilitatorKeyName } from '@stip/board/doc-model'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * One key of the facilitator map, parsed, re-rendering when anyone changes it. Y.Map hands
 * back the same object until the key is written again, so the snapshot is stable.
 */
export function useFacilitatorValue<T>(
  doc: Y.Doc,
  key: FacilitatorKeyName,
  parse: (value: unknown) => T | null,
): T | null {
  const map = getFacilitator(doc)
  const raw = useSyncExternalStore(
    (onChange) => {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(key)) onChange()
      }
      map.observe(observer)
      return () => map.unobserve(observer)
    },
    () => map.get(key),
  )
  return useMemo(() => parse(raw), [parse, raw])
}
