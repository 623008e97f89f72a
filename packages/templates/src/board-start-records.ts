import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLDocument,
  type TLPage,
  type TLPageId,
} from '@tldraw/tlschema'
import type { Locale } from './template-spec'

/** The id tldraw gives its first page; a client binding to the board then adds no second one. */
export const FIRST_PAGE_ID = 'page:page' as TLPageId

const PAGE_NAME: Record<Locale, string> = { nl: 'Pagina 1', en: 'Page 1' }

/** The document record and first page a new board starts with, as tldraw itself would make them. */
export function boardStartRecords(locale: Locale): [TLDocument, TLPage] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({
      id: FIRST_PAGE_ID,
      name: PAGE_NAME[locale],
      index: 'a1' as TLPage['index'],
      meta: {},
    }),
  ]
}
