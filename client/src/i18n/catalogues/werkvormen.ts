import { defineCatalogue } from './define-catalogue'

/** The werkvormen (templates) panel: add a werkvorm, lock it, download the session report. */
export const werkvormenCatalogue = defineCatalogue(
  {
    'werkvormen.tab': 'Werkvormen',
    'werkvormen.heading': 'Werkvormen',
    'werkvormen.intro': 'Een werkvorm komt rechts naast wat al op het bord staat.',
    'werkvormen.add': 'Toevoegen aan het bord',
    'werkvormen.addLabel': 'Toevoegen aan het bord: {name}',
    'werkvormen.added': '{name} staat nu op het bord.',
    'werkvormen.viewerHint': 'Met een meekijklink kun je geen werkvorm toevoegen.',
    'werkvormen.onBoard': 'Op dit bord',
    'werkvormen.noneOnBoard': 'Er staat nog geen werkvorm op het bord.',
    'werkvormen.show': 'Tonen',
    'werkvormen.showLabel': 'Tonen: {name}',
    'werkvormen.lock': 'Werkvorm vastzetten',
    'werkvormen.unlock': 'Werkvorm losmaken',
    'werkvormen.lockLabel': 'Werkvorm vastzetten: {name}',
    'werkvormen.unlockLabel': 'Werkvorm losmaken: {name}',
    'werkvormen.locked': 'Vastgezet',
    'werkvormen.lockHint':
      'Een vastgezette werkvorm schuift niet meer mee; notities erop plakken en verslepen blijft kunnen.',
    'werkvormen.report': 'Gespreksverslag',
    'werkvormen.reportHint':
      'Alles van het bord, per werkvorm, onderdeel en organisatie, met wie het schreef.',
    'werkvormen.reportPdf': 'Verslag (PDF)',
    'werkvormen.reportDocx': 'Verslag (Word)',
    'werkvormen.reportMarkdown': 'Verslag (Markdown)',
    'werkvormen.reportCsv': 'Verslag (CSV, voor Excel)',
  },
  {
    'werkvormen.tab': 'Templates',
    'werkvormen.heading': 'Templates',
    'werkvormen.intro': 'A template is placed to the right of what is already on the board.',
    'werkvormen.add': 'Add to the board',
    'werkvormen.addLabel': 'Add to the board: {name}',
    'werkvormen.added': '{name} is now on the board.',
    'werkvormen.viewerHint': 'With a viewing link you cannot add templates.',
    'werkvormen.onBoard': 'On this board',
    'werkvormen.noneOnBoard': 'There is no template on the board yet.',
    'werkvormen.show': 'Show',
    'werkvormen.showLabel': 'Show: {name}',
    'werkvormen.lock': 'Lock template',
    'werkvormen.unlock': 'Unlock template',
    'werkvormen.lockLabel': 'Lock template: {name}',
    'werkvormen.unlockLabel': 'Unlock template: {name}',
    'werkvormen.locked': 'Locked',
    'werkvormen.lockHint':
      'A locked template no longer moves; sticking notes on it and moving them still works.',
    'werkvormen.report': 'Session report',
    'werkvormen.reportHint':
      'Everything on the board, by template, section and organisation, with who wrote it.',
    'werkvormen.reportPdf': 'Report (PDF)',
    'werkvormen.reportDocx': 'Report (Word)',
    'werkvormen.reportMarkdown': 'Report (Markdown)',
    'werkvormen.reportCsv': 'Report (CSV, for Excel)',
  },
)
