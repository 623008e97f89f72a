import { defineCatalogue } from './define-catalogue'

/** The Zoeken panel: one search box over notes, werkvorm titles, authors and the manifesto. */
export const searchCatalogue = defineCatalogue(
  {
    'search.tab': 'Zoeken',
    'search.label': 'Zoek op het bord',
    'search.hint':
      'Zoek in notities, namen van werkvormen, wie iets schreef, organisaties en het manifest. Pijltjes kiezen, Enter springt erheen, Escape sluit het zoeken en gaat terug naar het bord. Op het bord opent Ctrl+F of / dit vak.',
    'search.results': 'Zoekresultaten',
    'search.count': '{n, plural, =0 {Niets gevonden.} one {# resultaat} other {# resultaten}}',
    'search.groupNotes': 'Notities',
    'search.groupLabels': 'Werkvormen',
    'search.groupManifesto': 'Manifest',
    'search.unknownAuthor': 'Onbekende schrijver',
    'search.gone': 'Deze notitie staat niet meer op het bord.',
  },
  {
    'search.tab': 'Search',
    'search.label': 'Search the board',
    'search.hint':
      'Search notes, working form names, who wrote what, organisations and the manifesto. Arrows choose, Enter jumps there, Escape closes search and returns to the board. On the board, Ctrl+F or / opens this box.',
    'search.results': 'Search results',
    'search.count': '{n, plural, =0 {Nothing found.} one {# result} other {# results}}',
    'search.groupNotes': 'Notes',
    'search.groupLabels': 'Working forms',
    'search.groupManifesto': 'Manifesto',
    'search.unknownAuthor': 'Unknown author',
    'search.gone': 'This note is no longer on the board.',
  },
)
