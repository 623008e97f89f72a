import {
  getFacilitator,
  getManifesto,
  getSignatures,
  isManifestoFrozen,
} from '@stip/board/doc-model'
import {
  canonicalManifestoText,
  isManifestoEmpty,
  manifestoHash,
  readSignatures,
  type Signature,
} from '@stip/manifesto'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export interface ManifestoState {
  /** The canonical text a signature would cover now, and its hash ('' until computed). */
  text: string
  hash: string
  empty: boolean
  frozen: boolean
  signatures: Signature[]
}

/** Typing fires on every key; the text and its hash only need to settle after a pause. */
const TEXT_SETTLE_MS = 150

/** Follows the parts of the doc the manifesto panel shows: text, freeze flag, signatures. */
export function useManifestoState(doc: Y.Doc): ManifestoState {
  const [state, setState] = useState<ManifestoState>(() => ({
    text: canonicalManifestoText(getManifesto(doc)),
    hash: '',
    empty: isManifestoEmpty(getManifesto(doc)),
    frozen: isManifestoFrozen(doc),
    signatures: readSignatures(doc),
  }))

  useEffect(() => {
    const fragment = getManifesto(doc)
    const facilitator = getFacilitator(doc)
    const signatures = getSignatures(doc)
    let active = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let computing = 0

    const updateText = async () => {
      const run = ++computing
      const text = canonicalManifestoText(fragment)
      const hash = await manifestoHash(text)
      // A newer edit started while hashing: its own run will publish.
      if (!active || run !== computing) return
      setState((previous) => ({ ...previous, text, hash, empty: isManifestoEmpty(fragment) }))
    }
    const onText = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void updateText(), TEXT_SETTLE_MS)
    }
    const onFacilitator = () =>
      setState((previous) => ({
        ...previous,
        frozen: isManifestoFrozen(doc),
      }))
    const onSignatures = () =>
      setState((previous) => ({ ...previous, signatures: readSignatures(doc) }))

    fragment.observeDeep(onText)
    facilitator.observe(onFacilitator)
    signatures.observe(onSignatures)
    void updateText()
    onFacilitator()
    onSignatures()
    return () => {
      active = false
      clearTimeout(timer)
      fragment.unobserveDeep(onText)
      facilitator.unobserve(onFacilitator)
      signatures.unobserve(onSignatures)
    }
  }, [doc])

  return state
}
