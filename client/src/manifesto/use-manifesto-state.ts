import { FacilitatorKey, getManifesto, getSignatures } from '@stip/board/doc-model'
import {
  canonicalManifestoText,
  isManifestoEmpty,
  manifestoHash,
  readSignatures,
  type Signature,
} from '@stip/manifesto'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { useYValue } from '../board/use-y-value'

export interface ManifestoState {
  /** The canonical text a signature would cover now, and its hash ('' until computed). */
  text: string
  hash: string
  /** The text changed and its hash is still being worked out: a tick now would be for the old. */
  settling: boolean
  empty: boolean
  frozen: boolean
  signatures: Signature[]
}

/** Typing fires on every key; the text and its hash only need to settle after a pause. */
const TEXT_SETTLE_MS = 150

/** Follows the parts of the doc the manifesto panel shows: text, freeze flag, signatures. */
export function useManifestoState(doc: Y.Doc): ManifestoState {
  const frozen = useFacilitatorValue(doc, FacilitatorKey.manifestoFrozen, isTrue) ?? false
  const signatures = useYValue(
    getSignatures(doc),
    useCallback(() => readSignatures(doc), [doc]),
  )
  const text = useSettledText(doc)
  return { ...text, frozen, signatures }
}

/**
 * The manifesto's canonical text and its hash, settled after a pause in typing: hashing on
 * every key would be wasted, and the hash is async (SHA-256), so it cannot be a plain read.
 */
function useSettledText(doc: Y.Doc): Pick<ManifestoState, 'text' | 'hash' | 'settling' | 'empty'> {
  const [state, setState] = useState(() => ({
    text: canonicalManifestoText(getManifesto(doc)),
    hash: '',
    settling: true,
    empty: isManifestoEmpty(getManifesto(doc)),
  }))

  useEffect(() => {
    const fragment = getManifesto(doc)
    let active = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let computing = 0

    const updateText = async () => {
      const run = ++computing
      const text = canonicalManifestoText(fragment)
      const hash = await manifestoHash(text)
      // A newer edit started while hashing: its own run will publish.
      if (!active || run !== computing) return
      setState({ text, hash, settling: false, empty: isManifestoEmpty(fragment) })
    }
    const onText = () => {
      setState((current) => (current.settling ? current : { ...current, settling: true }))
      clearTimeout(timer)
      timer = setTimeout(() => void updateText(), TEXT_SETTLE_MS)
    }

    fragment.observeDeep(onText)
    void updateText()
    return () => {
      active = false
      clearTimeout(timer)
      fragment.unobserveDeep(onText)
    }
  }, [doc])

  return state
}

const isTrue = (value: unknown): true | null => (value === true ? true : null)
