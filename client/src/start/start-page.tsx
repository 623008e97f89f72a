import { type FormEvent, useId, useState } from 'react'
import { apiErrorMessageKey } from '../api/api-error-message'
import { createBoard } from '../api/boards-api'
import { ApiError } from '../api/http'
import { rememberBoardToken, requestShareWelcome, saveLinks } from '../api/stored-links'
import { useServerConfig } from '../config/use-server-config'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { LanguageSwitch } from '../layout/language-switch'
import { SiteFooter } from '../layout/site-footer'
import { tokenFromHash } from '../routing/parse-route'
import { type OrganisationDraft, organisationsForRequest } from './organisation-draft'
import { OrganisationList } from './organisation-list'
import type { TemplateChoice } from './template-choices'
import { TemplatePicker } from './template-picker'

type Problem =
  | { kind: 'title' }
  | { kind: 'server'; message: string }
  | { kind: 'known'; key: MessageKey }
  | { kind: 'failed' }

/** Where this browser keeps the creation key once it worked (BOARD_CREATION_KEY). */
const CREATION_KEY_STORAGE = 'stip.creationKey'

/** `/`: name the board and its partner organisations, pick a werkvorm, get the share links. */
export function StartPage({ navigate }: { navigate(path: string): void }) {
  const { t, locale } = useI18n()
  const id = useId()
  const [title, setTitle] = useState('')
  const [organisations, setOrganisations] = useState<OrganisationDraft[]>([])
  const [template, setTemplate] = useState<TemplateChoice>('none')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const creation = useServerConfig()?.boardCreation
  const [creationKey, setCreationKey] = useState(() => readCreationKey())

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) {
      setProblem({ kind: 'title' })
      document.getElementById(`${id}-title`)?.focus()
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const board = await createBoard(
        {
          title: title.trim(),
          ...(template === 'none' ? {} : { template }),
          organisations: organisationsForRequest(organisations),
          locale,
        },
        fetch,
        creation?.keyRequired ? { header: creation.keyHeader, key: creationKey.trim() } : undefined,
      )
      if (creation?.keyRequired) rememberCreationKey(creationKey.trim())
      // The links exist nowhere else: the server keeps only their hashes.
      saveLinks(localStorage, board.id, board.links)
      requestShareWelcome(localStorage, board.id)
      // Whoever creates the board runs it. The token goes straight to storage, never into the
      // address bar or history (the fragment carries it only where storage is refused).
      const link = new URL(board.links.facilitator)
      const token = tokenFromHash(link.hash)
      const stored = token !== null && rememberBoardToken(board.id, token)
      navigate(stored ? link.pathname : `${link.pathname}${link.hash}`)
    } catch (error) {
      setBusy(false)
      const known = apiErrorMessageKey(error)
      setProblem(
        known
          ? { kind: 'known', key: known }
          : error instanceof ApiError && error.status >= 400 && error.status < 500
            ? { kind: 'server', message: error.message }
            : { kind: 'failed' },
      )
    }
  }

  return (
    <div className="start-page-wrap">
      <main className="start-page">
        <div className="page-corner">
          <LanguageSwitch />
        </div>
        <header className="start-header">
          <h1 className="brand-title">
            <span className="logo-dot large" aria-hidden="true" />
            {t('start.title')}
          </h1>
          <p className="eyebrow">{t('app.tagline')}</p>
          <p className="lead">{t('start.intro')}</p>
        </header>
        <section className="card wide" aria-labelledby={`${id}-form-title`}>
          <h2 id={`${id}-form-title`}>{t('start.formTitle')}</h2>
          <form className="start-form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('start.boardTitle')}</label>
              <input
                id={`${id}-title`}
                name="title"
                required
                maxLength={120}
                value={title}
                onChange={(event) => {
                  setTitle(event.target.value)
                  if (problem?.kind === 'title') setProblem(null)
                }}
                aria-invalid={problem?.kind === 'title'}
                aria-describedby={
                  problem?.kind === 'title' ? `${id}-title-hint ${id}-problem` : `${id}-title-hint`
                }
                // biome-ignore lint/a11y/noAutofocus: the form is what the start page is for
                autoFocus
              />
              <p className="hint" id={`${id}-title-hint`}>
                {t('start.boardTitleHint')}
              </p>
            </div>
            <OrganisationList drafts={organisations} onChange={setOrganisations} />
            <TemplatePicker value={template} onChange={setTemplate} />
            {creation?.keyRequired ? (
              <div className="field">
                <label htmlFor={`${id}-key`}>{t('start.creationKey')}</label>
                <input
                  id={`${id}-key`}
                  name="creation-key"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={creationKey}
                  onChange={(event) => setCreationKey(event.target.value)}
                  aria-describedby={`${id}-key-hint`}
                />
                <p className="hint" id={`${id}-key-hint`}>
                  {t('start.creationKeyHint')}
                </p>
              </div>
            ) : null}
            {creation && !creation.addressAllowed ? (
              <p className="hint" role="note">
                {t('start.notAllowedHere')}
              </p>
            ) : null}
            {problem ? (
              <p className="form-error" role="alert" id={`${id}-problem`}>
                {problem.kind === 'title'
                  ? t('start.titleRequired')
                  : problem.kind === 'known'
                    ? t(problem.key)
                    : problem.kind === 'server'
                      ? `${t('start.serverError')} ${problem.message}`
                      : t('start.failed')}
              </p>
            ) : null}
            <p className="hint">{t('start.linksPrivate')}</p>
            <div className="form-actions">
              <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
                {busy ? t('start.creating') : t('start.submit')}
              </button>
            </div>
          </form>
        </section>
      </main>
      <SiteFooter navigate={navigate} />
    </div>
  )
}

function readCreationKey(): string {
  try {
    return localStorage.getItem(CREATION_KEY_STORAGE) ?? ''
  } catch {
    return ''
  }
}

function rememberCreationKey(key: string): void {
  try {
    localStorage.setItem(CREATION_KEY_STORAGE, key)
  } catch {
    // Not remembered: the facilitator types it again next time.
  }
}
