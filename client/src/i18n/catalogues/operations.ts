import { defineCatalogue } from './define-catalogue'

/**
 * Operations (issue 18): the creation key on the start page, the server's quota and creation
 * codes (`apiError.<code>`, server/src/http/http-error.ts), the audit log download and the
 * retention banner.
 */
export const operationsCatalogue = defineCatalogue(
  {
    'start.creationKey': 'Aanmaaksleutel',
    'start.creationKeyHint':
      'Op deze server mag alleen een begeleider met de sleutel een bord maken. Je krijgt hem van de beheerder; deze browser onthoudt hem.',
    'start.notAllowedHere':
      'Vanaf dit netwerk kun je op deze server geen bord maken. Vraag de beheerder van Stip in je organisatie.',
    'apiError.creation-key-required': 'Vul de aanmaaksleutel in om een bord te maken.',
    'apiError.creation-key-wrong':
      'Deze aanmaaksleutel klopt niet. Controleer hem en probeer het opnieuw.',
    'apiError.creation-not-allowed':
      'Vanaf dit netwerk kun je op deze server geen bord maken. Vraag de beheerder van Stip in je organisatie.',
    'apiError.too-many-failures': 'Te vaak een verkeerde sleutel geprobeerd. Wacht een minuut.',
    'apiError.board-creation-rate':
      'Er zijn het afgelopen uur te veel borden gemaakt op deze server. Probeer het later opnieuw.',
    'apiError.board-creation-rate-address':
      'Je hebt net veel borden gemaakt. Wacht een minuut en probeer het opnieuw.',
    'apiError.board-assets-full':
      'Dit bord zit vol: er passen geen afbeeldingen meer bij. Verwijder er eerst een paar.',
    'apiError.too-many-versions':
      'Dit bord heeft het maximale aantal versies. Exporteer het bord als je alles wilt bewaren.',
    'apiError.write-rate':
      'Via deze link komen nu te veel wijzigingen tegelijk binnen. Probeer het over {seconds, plural, one {# seconde} other {# seconden}} opnieuw; wat je schreef blijft staan.',
    'audit.title': 'Logboek',
    'audit.intro':
      'Wie wat deed met dit bord en wanneer: aangemaakt, links vernieuwd, ondertekend, bevroren, versies, exports. Zonder links of wachtwoorden.',
    'audit.csv': 'Logboek downloaden (CSV)',
    'audit.json': 'Logboek downloaden (JSON)',
    'audit.failed': 'Het logboek kon niet worden gedownload.',
    'retention.notice':
      'Bewaartermijn: dit bord wordt op {date} verwijderd als niemand het voor die tijd opent.',
    'retention.warning':
      'Let op: dit bord wordt op {date} verwijderd als niemand het voor die tijd opent. Exporteer het als je het wilt bewaren.',
    'retention.dismiss': 'Sluiten',
  },
  {
    'start.creationKey': 'Creation key',
    'start.creationKeyHint':
      'On this server only a facilitator with the key may create a board. Your administrator gives it to you; this browser remembers it.',
    'start.notAllowedHere':
      'Boards cannot be created on this server from this network. Ask the Stip administrator in your organisation.',
    'apiError.creation-key-required': 'Enter the creation key to create a board.',
    'apiError.creation-key-wrong': 'This creation key is not right. Check it and try again.',
    'apiError.creation-not-allowed':
      'Boards cannot be created on this server from this network. Ask the Stip administrator in your organisation.',
    'apiError.too-many-failures': 'Too many wrong keys tried. Wait a minute.',
    'apiError.board-creation-rate':
      'Too many boards were created on this server in the last hour. Try again later.',
    'apiError.board-creation-rate-address':
      'You just created many boards. Wait a minute and try again.',
    'apiError.board-assets-full': 'This board is full: no more images fit. Remove a few first.',
    'apiError.too-many-versions':
      'This board has the maximum number of versions. Export the board if you want to keep everything.',
    'apiError.write-rate':
      'Too many changes are coming in through this link at once. Try again in {seconds, plural, one {# second} other {# seconds}}; what you wrote stays here.',
    'audit.title': 'Audit log',
    'audit.intro':
      'Who did what with this board, and when: created, links renewed, signed, frozen, versions, exports. Without links or passwords.',
    'audit.csv': 'Download audit log (CSV)',
    'audit.json': 'Download audit log (JSON)',
    'audit.failed': 'The audit log could not be downloaded.',
    'retention.notice':
      'Retention: this board will be deleted on {date} unless someone opens it before then.',
    'retention.warning':
      'Note: this board will be deleted on {date} unless someone opens it before then. Export it if you want to keep it.',
    'retention.dismiss': 'Close',
  },
)
