import { defineCatalogue } from './define-catalogue'

/**
 * What the board says when the server refused this browser's copy, the page is outdated, or
 * one part of the screen failed (error-boundary.tsx).
 */
export const recoveryCatalogue = defineCatalogue(
  {
    'status.outdated': 'nieuwe versie',
    'recovery.refusedTitle': 'Een wijziging op dit apparaat is niet bewaard',
    'recovery.refused':
      'De server weigerde een wijziging die deze browser wilde opslaan (bijvoorbeeld iets wat alleen de begeleider mag aanpassen). Die wijziging is weggelaten en het bord is opnieuw geladen zoals de server het heeft. Je kunt gewoon verder werken.',
    'recovery.tooLarge':
      'Het bord is te groot geworden om deze wijziging nog op te slaan. Die wijziging is weggelaten en het bord is opnieuw geladen zoals de server het heeft. Vraag de begeleider om afbeeldingen of oude pagina’s op te ruimen.',
    'recovery.stopped':
      'Het gebeurde meerdere keren achter elkaar, daarom verbinden we niet vanzelf opnieuw. Probeer het zo nog eens.',
    'recovery.reconnect': 'Opnieuw verbinden',
    'recovery.dismiss': 'Sluiten',
    'recovery.outdatedTitle': 'Er is een nieuwe versie van Stip',
    'recovery.outdated':
      'Deze pagina is ouder dan de server. Laad de pagina opnieuw om verder te werken; wat je schreef blijft bewaard.',
    'recovery.reload': 'Pagina opnieuw laden',
    'errors.partFailed': 'Dit onderdeel kon niet worden getoond. Het bord zelf werkt gewoon door.',
    'errors.retry': 'Opnieuw proberen',
  },
  {
    'status.outdated': 'new version',
    'recovery.refusedTitle': 'A change on this device was not saved',
    'recovery.refused':
      'The server refused a change this browser tried to save (for example something only the facilitator may change). That change was left out and the board was loaded again as the server has it. You can carry on working.',
    'recovery.tooLarge':
      'The board has grown too large to save this change. That change was left out and the board was loaded again as the server has it. Ask the facilitator to clear out images or old pages.',
    'recovery.stopped':
      'It happened several times in a row, so we do not reconnect by ourselves. Try again in a moment.',
    'recovery.reconnect': 'Reconnect',
    'recovery.dismiss': 'Close',
    'recovery.outdatedTitle': 'There is a new version of Stip',
    'recovery.outdated':
      'This page is older than the server. Reload the page to carry on; what you wrote is kept.',
    'recovery.reload': 'Reload page',
    'errors.partFailed': 'This part could not be shown. The board itself carries on working.',
    'errors.retry': 'Try again',
  },
)
