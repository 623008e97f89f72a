import { type FacilitatorKeyName, getFacilitator } from '@stip/board/doc-model'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { useYValue } from './use-y-value'

/**
 * One key of the facilitator map, parsed, re-rendering only when that key is written: the
 * raw value keeps its identity until then, so `parse` runs once per write.
 */
export function useFacilitatorValue<T>(
  doc: Y.Doc,
  key: FacilitatorKeyName,
  parse: (value: unknown) => T | null,
): T | null {
  const readKey = useCallback((map: Y.Map<unknown>) => map.get(key), [key])
  const raw = useYValue(getFacilitator(doc), readKey)
  return useMemo(() => parse(raw), [parse, raw])
}
