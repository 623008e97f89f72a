import { getManifesto } from '@stip/board/doc-layout'
import { type KeyboardEvent, useId, useMemo, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useYValue } from '../board/use-y-value'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { focusListNote } from '../list-view/list-note'
import { useBoardNotes } from '../notes/use-board-notes'
import { jumpToShape, scrollManifestoTo } from './jump-to-result'
import {
  highlightParts,
  type MatchRange,
  matchSearch,
  type SearchHit,
  type SearchItem,
  type SearchKind,
  snippet,
} from './match-search'
import { noteItems, readLabelItems, readManifestoItems } from './read-search-items'
import './search.css'

/** The id of the search box, for the keyboard shortcut that focuses it. */
export const SEARCH_INPUT_ID = 'stip-search-input'

const GROUPS: readonly { kind: SearchKind; labelKey: MessageKey }[] = [
  { kind: 'note', labelKey: 'search.groupNotes' },
  { kind: 'label', labelKey: 'search.groupLabels' },
  { kind: 'manifesto', labelKey: 'search.groupManifesto' },
]

const NONE: SearchItem[] = []

const readPassages = (fragment: ReturnType<typeof getManifesto>) =>
  JSON.stringify(fragment.doc ? readManifestoItems(fragment.doc) : [])

/**
 * One box that searches notes, labels, authors, organisations and the manifesto, as an ARIA
 * combobox: focus stays in the box, arrows move the active result, Enter jumps to it.
 */
export function SearchPanel() {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const baseId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)

  // Notes and labels are each read once per change of their own (use-board-notes.ts,
  // read-search-items.ts) and stay the same arrays through a drag, so the results are not
  // recomputed on every frame.
  const notes = useBoardNotes(editor)
  const labels = useValue('stip search labels', () => (editor ? readLabelItems(editor) : NONE), [
    editor,
  ])
  const passagesJson = useYValue(getManifesto(board.connection.doc), readPassages, { deep: true })
  const hits = useMemo(() => {
    if (query.trim() === '') return []
    const items = [...noteItems(notes), ...labels, ...JSON.parse(passagesJson)]
    return matchSearch(items, query)
  }, [notes, labels, passagesJson, query])
  // Listed by group, so the arrows follow the order on screen.
  const ordered = useMemo(
    () => GROUPS.flatMap((group) => hits.filter((hit) => hit.item.kind === group.kind)),
    [hits],
  )
  const activeIndex = Math.min(active, ordered.length - 1)
  const optionId = (index: number) => `${baseId}-result-${index}`

  const choose = (hit: SearchHit) => {
    if (hit.item.kind === 'manifesto') {
      board.openPanel('manifesto', '.side-panel [role="tab"][aria-selected="true"]')
      scrollManifestoTo(hit.item.text)
    } else if (!focusListNote(hit.item.id) && editor) {
      // In the list view the note is found there; on the canvas the camera goes to it.
      jumpToShape(editor, hit.item.id as TLShapeId)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && ordered.length > 0) {
      setActive((activeIndex + 1) % ordered.length)
    } else if (event.key === 'ArrowUp' && ordered.length > 0) {
      setActive((activeIndex - 1 + ordered.length) % ordered.length)
    } else if (event.key === 'Enter') {
      const hit = ordered[activeIndex]
      if (hit) choose(hit)
    } else if (event.key === 'Escape') {
      board.closePanels()
    } else {
      return
    }
    event.preventDefault()
  }

  const expanded = query.trim() !== '' && ordered.length > 0
  return (
    <div className="search-panel">
      <label htmlFor={SEARCH_INPUT_ID} className="search-label">
        {t('search.label')}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        className="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={expanded}
        aria-controls={`${baseId}-results`}
        aria-describedby={`${baseId}-hint`}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${baseId}-hint`} className="search-hint">
        {t('search.hint')}
      </p>
      {query.trim() !== '' ? (
        <p className="search-count" role="status">
          {format('search.count', { n: ordered.length })}
        </p>
      ) : null}
      <div id={`${baseId}-results`} role="listbox" aria-label={t('search.results')}>
        {GROUPS.map((group) => {
          const inGroup = ordered.filter((hit) => hit.item.kind === group.kind)
          if (inGroup.length === 0) return null
          return (
            // A group inside a listbox; a fieldset there is not a valid listbox child.
            // biome-ignore lint/a11y/useSemanticElements: ARIA listbox group, not a form group
            <div
              key={group.kind}
              role="group"
              aria-labelledby={`${baseId}-group-${group.kind}`}
              className="search-group"
            >
              <div id={`${baseId}-group-${group.kind}`} className="search-group-title">
                {t(group.labelKey)}
              </div>
              {inGroup.map((hit) => {
                const index = ordered.indexOf(hit)
                return (
                  // The box keeps the focus (combobox); a click chooses, the keys are on the box.
                  // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
                  <div
                    key={hit.item.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === activeIndex}
                    tabIndex={-1}
                    className="search-result"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      setActive(index)
                      choose(hit)
                    }}
                  >
                    <Marked
                      className="search-result-text"
                      {...snippet(hit.item.text, hit.ranges.text)}
                    />
                    {hit.item.kind === 'note' ? (
                      <span className="search-result-meta">
                        <Marked
                          text={hit.item.authorName ?? t('search.unknownAuthor')}
                          ranges={hit.ranges.authorName}
                        />
                        {hit.item.organisation ? (
                          <>
                            {' · '}
                            <Marked text={hit.item.organisation} ranges={hit.ranges.organisation} />
                          </>
                        ) : null}
                      </span>
                    ) : null}
                  </div>
                )
              })}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function Marked({
  text,
  ranges,
  className,
}: {
  text: string
  ranges?: readonly MatchRange[]
  className?: string
}) {
  return (
    <span className={className}>
      {highlightParts(text, ranges).map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  )
}
