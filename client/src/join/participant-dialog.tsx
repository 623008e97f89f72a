import { useEffect, useRef } from 'react'
import type { BoardOrganisation } from '../api/boards-api'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { ParticipantForm } from './participant-form'

/** A modal `<dialog>`: the browser gives focus trapping and Escape-to-close for free. */
export function ParticipantDialog({
  participant,
  onSave,
  onClose,
  organisations = [],
}: {
  participant: Participant
  organisations?: readonly BoardOrganisation[]
  onSave(participant: Participant): void
  onClose(): void
}) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="participant-dialog-title"
      onClose={onClose}
    >
      <h2 id="participant-dialog-title">{t('join.editTitle')}</h2>
      <ParticipantForm
        initial={participant}
        submitLabel={t('join.save')}
        onSubmit={onSave}
        onCancel={onClose}
        organisations={organisations}
      />
    </dialog>
  )
}
