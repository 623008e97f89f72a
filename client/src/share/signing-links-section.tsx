import { useEffect, useId, useState } from 'react'
import {
  createSigningLink,
  listSigningLinks,
  loadSigningLinks,
  type SigningLinkStatus,
  saveSigningLink,
} from '../api/signing-links-api'
import { useI18n } from '../i18n/i18n-context'
import { LinkRow } from './link-row'
import './signing-links.css'

/**
 * The facilitator's signing links, one row per organisation: a director who opens one may sign
 * the manifesto for that organisation (the server enforces it). The server keeps only hashes,
 * so a link is visible only in the browser that made it; making a new one stops the old one.
 */
export function SigningLinksSection({
  boardId,
  facilitatorToken,
}: {
  boardId: string
  facilitatorToken: string
}) {
  const { t } = useI18n()
  const id = useId()
  const [organisations, setOrganisations] = useState<SigningLinkStatus[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [links, setLinks] = useState<Record<string, string>>(() =>
    loadSigningLinks(localStorage, boardId),
  )

  useEffect(() => {
    let current = true
    listSigningLinks(boardId, facilitatorToken).then(
      (list) => current && setOrganisations(list),
      () => current && setFailed(true),
    )
    return () => {
      current = false
    }
  }, [boardId, facilitatorToken])

  // Organisations whose link was just made for the first time: there is no old link to stop.
  const [firstMade, setFirstMade] = useState<ReadonlySet<string>>(new Set())

  async function create(organisationId: string) {
    const existed =
      links[organisationId] !== undefined ||
      organisations?.some((o) => o.organisationId === organisationId && o.hasLink) === true
    const link = await createSigningLink(boardId, organisationId, facilitatorToken)
    setFirstMade((previous) => {
      const next = new Set(previous)
      if (existed) next.delete(organisationId)
      else next.add(organisationId)
      return next
    })
    saveSigningLink(localStorage, boardId, organisationId, link)
    setLinks((previous) => ({ ...previous, [organisationId]: link }))
    setOrganisations(
      (previous) =>
        previous?.map((o) => (o.organisationId === organisationId ? { ...o, hasLink: true } : o)) ??
        null,
    )
  }

  return (
    <section className="signing-links" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('signingLinks.title')}</h3>
      <p className="hint">{t('signingLinks.intro')}</p>
      {failed ? <p className="hint">{t('signingLinks.loadFailed')}</p> : null}
      {organisations?.length === 0 ? <p className="hint">{t('signingLinks.none')}</p> : null}
      <div className="share-links">
        {organisations?.map((organisation) => {
          const link = links[organisation.organisationId] ?? null
          const made = organisation.hasLink || link !== null
          return (
            <div key={organisation.organisationId} data-organisation={organisation.organisationId}>
              <LinkRow
                linkRole="editor"
                link={link}
                onRenew={() => create(organisation.organisationId)}
                texts={{
                  name: organisation.organisationName,
                  help: t('signingLinks.help'),
                  renew: made ? t('signingLinks.renew') : t('signingLinks.create'),
                  renewHelp: t('signingLinks.renewHelp'),
                  missing: made ? t('signingLinks.exists') : '',
                  renewed: firstMade.has(organisation.organisationId)
                    ? t('signingLinks.created')
                    : t('share.renewed'),
                }}
              />
            </div>
          )
        })}
      </div>
    </section>
  )
}
