import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { CardPage } from '../layout/card-page'
import { JoinBoardLine } from './join-board-line'

/**
 * The first screen of a meekijklink: it says at once that you will watch, not write, and asks
 * only for a name others see beside your cursor (which may stay empty).
 */
export function ViewerJoinScreen({
  boardId,
  title,
  initialName,
  onJoin,
}: {
  boardId: string
  title: string | null
  initialName: string
  onJoin(name: string): void
}) {
  const { t } = useI18n()
  const id = useId()
  const [name, setName] = useState(initialName)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onJoin(name.trim().slice(0, 80) || t('join.viewerAnonymous'))
  }
  return (
    <CardPage titleId="join-title" boardLine={<JoinBoardLine boardId={boardId} title={title} />}>
      <h1 id="join-title">{t('join.viewerTitle')}</h1>
      <p className="lead">{t('join.viewerIntro')}</p>
      <form className="participant-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('join.viewerName')}</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={`${id}-name-hint`}
            // biome-ignore lint/a11y/noAutofocus: the name is the only thing on this screen
            autoFocus
          />
          <p className="hint" id={`${id}-name-hint`}>
            {t('join.viewerNameHint')}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('join.viewerSubmit')}
          </button>
        </div>
      </form>
    </CardPage>
  )
}
