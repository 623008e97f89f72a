import { listTemplateInstances, locateNotes, readTemplateMeta } from '@stip/templates'
import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'

export interface SectionInfo {
  key: string
  label: { nl: string; en: string }
}

export interface NoteSections {
  /** Every template section (lane) on the page in reading order, also the empty ones. */
  sections: SectionInfo[]
  /** The section of each note that sits in one. */
  byNote: Record<string, string>
}

const sectionKey = (instance: string, section: string) => `${instance}/${section}`

/** Reads the template sections and which note sits in which, from the templates package. */
export function readNoteSections(editor: Editor): NoteSections {
  const shapes = editor.getCurrentPageShapes()
  // Werkvormen top-left first, then each one's sections in its own reading order.
  const instanceOrder = listTemplateInstances(shapes).map((instance) => instance.instance)
  const lanes: (SectionInfo & { rank: number; order: number })[] = []
  for (const shape of shapes) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart !== 'lane' || !meta.stipSection) continue
    const key = sectionKey(meta.stipInstance, meta.stipSection)
    if (lanes.some((lane) => lane.key === key)) continue
    lanes.push({
      key,
      label: meta.stipSectionLabel ?? { nl: meta.stipSection, en: meta.stipSection },
      rank: instanceOrder.indexOf(meta.stipInstance),
      order: meta.stipOrder ?? 0,
    })
  }
  lanes.sort((a, b) => a.rank - b.rank || a.order - b.order)
  const byNote: Record<string, string> = {}
  for (const placement of locateNotes(shapes)) {
    if (placement.kind === 'placed') {
      byNote[placement.note.id] = sectionKey(placement.instance, placement.sectionKey)
    }
  }
  return { sections: lanes.map(({ key, label }) => ({ key, label })), byNote }
}

/** Template sections and note placement, kept up to date (compared as JSON, see use-board-notes). */
export function useNoteSections(editor: Editor | null): NoteSections {
  const json = useValue(
    'stip note sections',
    () => JSON.stringify(editor ? readNoteSections(editor) : { sections: [], byNote: {} }),
    [editor],
  )
  return useMemo(() => JSON.parse(json) as NoteSections, [json])
}
