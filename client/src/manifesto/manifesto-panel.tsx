import { FacilitatorKey, getManifesto, writeFacilitator } from '@stip/board/doc-model'
import { writeDefaultManifesto } from '@stip/manifesto'
import { useEffect, useId, useMemo, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { PassageComments, useCommentedPassages } from '../comments/passage-comments'
import { useI18n } from '../i18n/i18n-context'
import { AmendmentsSection, useAmendments } from './amendments-section'
import { type CaretUser, ManifestoEditor } from './manifesto-editor'
import { NotesToManifesto } from './notes-to-manifesto'
import type { SelectedPassage } from './selected-passage'
import { SignatureList } from './signature-list'
import { SigningForm } from './signing-form'
import { useManifestoDoc } from './use-manifesto-doc'
import { useManifestoState } from './use-manifesto-state'
import { useSignsFor } from './use-signs-for'
import './manifesto.css'

/** The "Manifest" tab: the shared text, "Naar manifest", freezing and the signatures. */
export function ManifestoPanel() {
  const { t, format, locale } = useI18n()
  const board = useBoardContext()
  const { connection, readOnly, facilitator, participant, color, organisations } = board
  const state = useManifestoState(connection.doc)
  const signsFor = useSignsFor(board.boardId, board.token)
  const editable = !readOnly && !state.frozen
  const editorDoc = useManifestoDoc(connection.doc, editable)
  const [wide, setWide] = useState(false)
  const [passage, setPassage] = useState<SelectedPassage | null>(null)
  const amendments = useAmendments(connection.doc)
  const marked = useMemo(
    () =>
      amendments
        .filter((amendment) => amendment.status === 'open')
        .map((amendment) => ({
          number: amendment.number,
          label: format('amend.number', { number: amendment.number }),
          anchor: amendment.anchor,
        })),
    [amendments, format],
  )
  const { commented, openComment } = useCommentedPassages()
  const headingId = useId()
  const user = useMemo<CaretUser>(
    () => ({ name: participant.name, organisation: participant.organisation, color }),
    [participant.name, participant.organisation, color],
  )

  useEffect(() => {
    if (!wide) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setWide(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [wide])

  return (
    <div className={wide ? 'manifesto-panel is-wide' : 'manifesto-panel'}>
      <div className="manifesto-header">
        <h2 id={headingId} className="manifesto-title">
          {t('manifesto.heading')}
        </h2>
        <button
          type="button"
          className="button quiet small"
          aria-pressed={wide}
          onClick={() => setWide((value) => !value)}
        >
          {wide ? t('manifesto.wide.close') : t('manifesto.wide.open')}
        </button>
      </div>
      {facilitator ? (
        <button
          type="button"
          className="button secondary small manifesto-freeze"
          aria-pressed={state.frozen}
          onClick={() =>
            writeFacilitator(connection.doc, FacilitatorKey.manifestoFrozen, !state.frozen)
          }
        >
          {state.frozen ? t('manifesto.unfreeze') : t('manifesto.freeze')}
        </button>
      ) : null}
      {readOnly ? (
        <p className="manifesto-notice">{t('manifesto.readOnly.viewer')}</p>
      ) : state.frozen ? (
        <p className="manifesto-notice">{t('manifesto.readOnly.frozen')}</p>
      ) : null}
      {state.empty && editable ? (
        <div className="manifesto-empty">
          <p>{t('manifesto.empty')}</p>
          <button
            type="button"
            className="button primary small"
            onClick={() => writeDefaultManifesto(getManifesto(connection.doc), locale)}
          >
            {t('manifesto.insertDefault')}
          </button>
        </div>
      ) : null}
      {editorDoc ? (
        <ManifestoEditor
          fragment={getManifesto(editorDoc)}
          awareness={connection.provider.awareness}
          user={user}
          editable={editable}
          onPassage={setPassage}
          marked={marked}
          commented={commented}
          onOpenComment={openComment}
        />
      ) : null}
      <PassageComments passage={passage} />
      {readOnly ? null : <NotesToManifesto disabled={!editable} />}
      <AmendmentsSection passage={passage} frozen={state.frozen} signsFor={signsFor} />
      <section className="manifesto-block" aria-labelledby={`${headingId}-signatures`}>
        <h3 id={`${headingId}-signatures`} className="manifesto-subheading">
          {t('manifesto.signatures.heading')}
        </h3>
        <SignatureList
          signatures={state.signatures}
          organisations={organisations}
          text={state.text}
          hash={state.hash}
          amendments={amendments}
        />
        {signsFor ? (
          <SigningForm
            signsFor={signsFor}
            hash={state.hash}
            settling={state.settling}
            frozen={state.frozen}
            existing={
              state.signatures.find(
                (signature) => signature.organisationId === signsFor.organisationId,
              ) ?? null
            }
          />
        ) : null}
      </section>
    </div>
  )
}
