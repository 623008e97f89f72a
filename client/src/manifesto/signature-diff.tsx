import type { TextChange } from '@stip/manifesto'
import { useI18n } from '../i18n/i18n-context'

/** Unchanged stretches longer than this show only their ends, so the changes stand out. */
const CONTEXT_CHARS = 60

function shorten(value: string, first: boolean, last: boolean): string {
  if (value.length <= CONTEXT_CHARS * 2) return value
  const head = first ? '' : value.slice(0, CONTEXT_CHARS)
  const tail = last ? '' : value.slice(-CONTEXT_CHARS)
  return `${head} … ${tail}`
}

/** What changed since a signature, as struck-through and inserted text with a little context. */
export function SignatureDiff({ changes }: { changes: readonly TextChange[] }) {
  const { t } = useI18n()
  return (
    <p className="manifesto-diff">
      {changes.map((change, index) => {
        const key = `${index}-${change.added ? 'a' : change.removed ? 'r' : 'k'}`
        if (change.added) {
          return (
            <ins key={key} title={t('manifesto.signatures.added')}>
              {change.value}
            </ins>
          )
        }
        if (change.removed) {
          return (
            <del key={key} title={t('manifesto.signatures.removed')}>
              {change.value}
            </del>
          )
        }
        return (
          <span key={key}>{shorten(change.value, index === 0, index === changes.length - 1)}</span>
        )
      })}
    </p>
  )
}
