import { type Amendment, acceptedBefore, numberRanges } from '@stip/board/doc-model'
import { type Signature, signatureStatus } from '@stip/manifesto'
import { useI18n } from '../i18n/i18n-context'
import { formatMessage } from './format-message'
import { SignatureDiff } from './signature-diff'

/**
 * Every partner organisation with its signature, if any: who signed, as what, when, and
 * whether it still covers the text as it is now.
 */
export function SignatureList({
  signatures,
  organisations,
  text,
  hash,
  amendments,
}: {
  signatures: readonly Signature[]
  organisations: readonly { id: string; name: string }[]
  text: string
  hash: string
  /** For "ondertekend na amendementen 1–4" beside each signature. */
  amendments: readonly Amendment[]
}) {
  const { t, format, locale } = useI18n()
  const time = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const unsigned = organisations.filter(
    (organisation) =>
      !signatures.some(
        (signature) =>
          signature.organisationId === organisation.id ||
          signature.organisationName === organisation.name,
      ),
  )
  if (signatures.length === 0 && unsigned.length === 0) {
    return <p className="manifesto-hint">{t('manifesto.signatures.none')}</p>
  }
  return (
    <ul className="manifesto-signatures">
      {signatures.map((signature) => {
        // Until the current text's hash is known, no status is better than a wrong one.
        const status = hash ? signatureStatus(signature, text, hash) : null
        const accepted = acceptedBefore(amendments, signature.signedAt)
        return (
          <li key={signature.organisationId} className="manifesto-signature">
            <strong>{signature.organisationName}</strong>
            <span>
              {formatMessage(t('manifesto.signatures.by'), {
                name: signature.signerName,
                function: signature.signerFunction,
              })}
            </span>
            <time dateTime={new Date(signature.signedAt).toISOString()}>
              {time.format(signature.signedAt)}
            </time>
            {status ? (
              <span className={`manifesto-signature-status is-${status.kind}`}>
                {status.kind === 'current'
                  ? t('manifesto.signatures.current')
                  : t('manifesto.signatures.stale')}
              </span>
            ) : null}
            {accepted.length > 0 ? (
              <span className="manifesto-signature-after">
                {format('amend.signedAfter', {
                  count: accepted.length,
                  numbers: numberRanges(accepted),
                })}
              </span>
            ) : null}
            {status?.kind === 'stale' ? (
              <details className="manifesto-changes">
                <summary>{t('manifesto.signatures.changes')}</summary>
                <SignatureDiff changes={status.changes} />
              </details>
            ) : null}
          </li>
        )
      })}
      {unsigned.map((organisation) => (
        <li key={organisation.id} className="manifesto-signature is-unsigned">
          <strong>{organisation.name}</strong>
          <span>{t('manifesto.signatures.notYet')}</span>
        </li>
      ))}
    </ul>
  )
}
