import { useCallback, useEffect, useId, useState } from 'react'
import { apiErrorMessageKey } from '../api/api-error-message'
import {
  type BoardVersion,
  listVersions,
  type OpenedVersion,
  openVersion,
  restoreVersion,
  saveVersion,
} from '../api/versions-api'
import { writeRateMessage } from '../api/write-rate-message'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { BoardImageExport } from './board-image-export'
import { ManifestoDownloads } from './manifesto-downloads'
import { VersionViewer } from './version-viewer'
import './versions.css'

const NAME_MAX = 120

/** The Versies tab: save a named version, list them, open one read only, restore one. */
export function VersionsPanel() {
  const { t, format, locale } = useI18n()
  const board = useBoardContext()
  const id = useId()
  const [versions, setVersions] = useState<BoardVersion[] | null>(null)
  const [name, setName] = useState('')
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState('')
  const [opened, setOpened] = useState<OpenedVersion | null>(null)
  const [confirming, setConfirming] = useState<BoardVersion | null>(null)
  const author = (board.participant.name.trim() || '?').slice(0, NAME_MAX)
  const timeFormat = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const canSave = board.role === 'editor' || board.role === 'facilitator'

  const reload = useCallback(async () => {
    try {
      setVersions(await listVersions(board.boardId, board.token))
    } catch {
      setMessage(t('versions.loadFailed'))
    }
  }, [board.boardId, board.token, t])

  useEffect(() => {
    void reload()
  }, [reload])

  async function save(event: React.FormEvent) {
    event.preventDefault()
    if (!name.trim()) return
    setSaving(true)
    setMessage('')
    try {
      await saveVersion(board.boardId, board.token, name.trim(), author)
      setName('')
      setMessage(t('versions.saved'))
      await reload()
    } catch (error) {
      setMessage(
        writeRateMessage(error, format) ?? t(apiErrorMessageKey(error) ?? 'versions.saveFailed'),
      )
    } finally {
      setSaving(false)
    }
  }

  async function open(version: BoardVersion) {
    try {
      setOpened(await openVersion(board.boardId, board.token, version.id))
    } catch {
      setMessage(t('versions.loadFailed'))
    }
  }

  async function restore(version: BoardVersion) {
    setConfirming(null)
    setMessage('')
    try {
      await restoreVersion(board.boardId, board.token, version.id, author)
      setMessage(t('versions.restored'))
      await reload()
    } catch {
      setMessage(t('versions.restoreFailed'))
    }
  }

  return (
    <div className="panel-stack versions-panel">
      {canSave ? (
        <form
          className="panel-section versions-section"
          onSubmit={save}
          aria-labelledby={`${id}-save`}
        >
          <h3 id={`${id}-save`}>{t('versions.saveTitle')}</h3>
          <label htmlFor={`${id}-name`}>{t('versions.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={NAME_MAX}
            placeholder={t('versions.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="panel-actions">
            <button
              type="submit"
              className="button primary small"
              disabled={saving || !name.trim()}
            >
              {saving ? t('versions.saving') : t('versions.save')}
            </button>
          </div>
        </form>
      ) : null}
      <p className="versions-message" aria-live="polite">
        {message}
      </p>
      <section className="panel-section versions-section" aria-labelledby={`${id}-list`}>
        <h3 id={`${id}-list`}>{t('versions.listTitle')}</h3>
        {versions?.length === 0 ? <p className="muted">{t('versions.empty')}</p> : null}
        <ul className="versions-list">
          {versions?.map((version) => (
            <li key={version.id} className="version-item" data-version={version.id}>
              <div className="version-meta">
                <strong>{version.name}</strong>
                <span className="hint">
                  {timeFormat.format(version.createdAt)} ·{' '}
                  {fillTemplate(t('versions.by'), { author: version.authorName })}
                </span>
              </div>
              <div className="panel-actions">
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`${t('versions.open')}: ${version.name}`}
                  onClick={() => void open(version)}
                >
                  {t('versions.open')}
                </button>
                {board.facilitator ? (
                  <button
                    type="button"
                    className="button quiet small"
                    aria-label={`${t('versions.restore')}: ${version.name}`}
                    onClick={() => setConfirming(version)}
                  >
                    {t('versions.restore')}
                  </button>
                ) : null}
              </div>
              {confirming?.id === version.id ? (
                <div className="version-confirm">
                  <p>{fillTemplate(t('versions.confirmRestore'), { name: version.name })}</p>
                  <div className="panel-actions">
                    <button
                      type="button"
                      className="button primary small"
                      // The question just appeared: take the keyboard to it.
                      // biome-ignore lint/a11y/noAutofocus: focus moves to the confirmation the user asked for
                      autoFocus
                      onClick={() => void restore(version)}
                    >
                      {t('versions.confirm')}
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => setConfirming(null)}
                    >
                      {t('versions.cancel')}
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <ManifestoDownloads />
      <BoardImageExport />
      {opened ? (
        <VersionViewer
          opened={opened}
          schema={board.editor?.store.schema.serialize() ?? null}
          timeText={timeFormat.format(opened.version.createdAt)}
          onClose={() => setOpened(null)}
        />
      ) : null}
    </div>
  )
}
