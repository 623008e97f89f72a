/**
 * Every user-facing string of the Stip client, Dutch first.
 * `en` is typed against `nl`'s keys, and messages.test.ts checks both directions at runtime.
 */

import { featureCatalogues } from './catalogues'

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]

const coreNl = {
  'app.name': 'Stip',
  'app.tagline': 'Samen werken aan de stip op de horizon',

  'start.title': 'Stip',
  'start.intro':
    'Een gedeeld whiteboard voor partners in het sociaal domein: waarden, ambities en een gezamenlijk manifest richting 2040.',
  'start.formTitle': 'Nieuw bord maken',
  'start.boardTitle': 'Titel van het bord',
  'start.boardTitleHint': 'Bijvoorbeeld: Samen naar 2040 – sociaal domein Noord',
  'start.titleRequired': 'Geef het bord een titel.',
  'start.organisations': 'Partnerorganisaties',
  'start.organisationsHint':
    'Deelnemers kiezen bij binnenkomst hun organisatie. De kleur markeert hun bijdragen op het bord.',
  'start.suggestions': 'Snel toevoegen',
  'start.addSuggestion': 'Toevoegen:',
  'start.addOrganisation': 'Andere organisatie toevoegen',
  'start.organisationName': 'Naam organisatie',
  'start.organisationColor': 'Kleur',
  'start.removeOrganisation': 'Verwijderen',
  'start.noOrganisations': 'Nog geen organisaties. Deelnemers typen dan zelf hun organisatie.',
  'start.template': 'Werkvorm',
  'start.templateHint': 'Het bord begint met deze werkvorm. Je kunt later meer toevoegen.',
  'start.submit': 'Bord maken',
  'start.creating': 'Bord wordt gemaakt…',
  'start.serverError': 'Het bord is niet gemaakt:',
  'start.failed': 'Het bord kon niet worden gemaakt. Probeer het zo opnieuw.',
  'start.linksPrivate':
    'Na het maken krijg je drie links: voor begeleiders, deelnemers en meekijkers. Ze worden alleen in deze browser bewaard.',

  'template.none.name': 'Leeg bord',
  'template.none.description': 'Begin zonder werkvorm.',
  'template.gedeelde-waarden.name': 'Gedeelde waarden',
  'template.gedeelde-waarden.description':
    'Elke organisatie schrijft vanuit welke waarden zij vertrekt; samen zoek je waar die elkaar raken.',
  'template.ambities-2040.name': 'Ambities 2040',
  'template.ambities-2040.description':
    'Van gedeelde waarden naar de stip op de horizon, en in stappen A tot D terug naar vandaag.',
  'template.hebben-zaaien.name': 'Wat heb je al / wat moet je zaaien',
  'template.hebben-zaaien.description':
    'Voor één opgave: welke oplossingen zijn al in huis en wat moet nog gezaaid worden?',
  'template.rondetafel.name': 'Rondetafel',
  'template.rondetafel.description':
    'Vier vragen over de gezamenlijke opgave, geopend met ieders hartenkreet.',
  'template.vijf-knoppen.name': 'Vijf knoppen',
  'template.vijf-knoppen.description':
    'Vijf knoppen waaraan een gemeente kan draaien: bijstellen of fundamenteel omgooien?',
  'template.rode-draden.name': 'Drie rode draden',
  'template.rode-draden.description':
    'Integrale samenwerking, levensbrede aanpak en bewoners aan het stuur.',
  'template.dit-ga-ik-doen.name': 'Dit ga ik doen',
  'template.dit-ga-ik-doen.description':
    'Wijs elkaar op goede voorbeelden en schrijf op wat je zelf mee naar huis neemt.',

  'join.title': 'Doe mee aan dit bord',
  'join.intro': 'Vertel de anderen wie je bent. We onthouden dit op dit apparaat.',
  'join.name': 'Je naam',
  'join.organisation': 'Organisatie',
  'join.organisationHint': 'Bijvoorbeeld Gemeente, GGD of Woningcorporatie',
  'join.role': 'Rol',
  'join.roleHint': 'Bijvoorbeeld bestuurder, professional of inwoner',
  'join.function': 'Functie',
  'join.functionHint': 'Zoals die onder je handtekening komt, bijvoorbeeld wethouder of directeur',
  'join.submit': 'Naar het bord',
  'join.signerTitle': 'Ondertekenen namens {organisation}',
  'join.signerIntro':
    'Je bent uitgenodigd om het manifest namens {organisation} te ondertekenen. Vul je naam en functie in; daarna lees je de tekst en teken je.',
  'join.signerSubmit': 'Naar het manifest',
  'join.organisationFromLink': 'Deze link is om te tekenen namens deze organisatie.',
  'join.save': 'Opslaan',
  'join.cancel': 'Annuleren',
  'join.required': 'Vul je naam en organisatie in.',
  'join.editTitle': 'Jouw gegevens',
  'join.organisationChoose': 'Kies je organisatie',
  'join.organisationFromBoard': 'De begeleider heeft deze organisaties voor dit bord gekozen.',
  'join.viewerTitle': 'Je kijkt mee',
  'join.viewerIntro':
    'Met deze meekijklink volg je het bord live: je ziet de notities, de timer en de uitslag van stemrondes, maar je kunt zelf niets veranderen.',
  'join.viewerName': 'Je naam (mag leeg blijven)',
  'join.viewerNameHint': 'De anderen zien deze naam bij je aanwijzer, met "meekijker" erbij.',
  'join.viewerSubmit': 'Meekijken',
  'join.viewerAnonymous': 'Iemand',
  'join.viewerOrganisation': 'meekijker',

  'board.label': 'Bord',
  'board.loading': 'Bord laden…',
  'board.editProfile': 'Jouw gegevens wijzigen',
  'board.invalidId': 'Dit bord bestaat niet: het adres is ongeldig.',
  'board.backToStart': 'Naar de startpagina',
  'board.noAccessTitle': 'Geen toegang tot dit bord',
  'board.noAccess':
    'Deze link is ongeldig of vernieuwd. Vraag de begeleider van de sessie om een nieuwe link.',
  'board.readOnly': 'alleen lezen',
  'board.viewing': 'Je kijkt mee',

  'share.open': 'Delen',
  'share.title': 'Bord delen',
  'share.intro':
    'Stuur iedereen de link die bij zijn rol past. Wie een link heeft, komt zonder account op het bord: deel hem alleen met wie meedoet.',
  'share.role.facilitator': 'Begeleider',
  'share.role.editor': 'Deelnemers',
  'share.role.viewer': 'Meekijkers',
  'share.help.facilitator':
    'Mag alles: organisaties, timer, stemmen en links vernieuwen. Houd deze link voor jezelf.',
  'share.help.editor': 'Kunnen notities, tekeningen en afbeeldingen toevoegen en wijzigen.',
  'share.help.viewer': 'Kunnen het bord volgen, maar niets veranderen.',
  'share.copy': 'Kopiëren',
  'share.copied': 'Gekopieerd',
  'share.copyFailed': 'Kopiëren lukte niet. De link is geselecteerd: druk op Ctrl+C.',
  'share.renew': 'Nieuwe link maken',
  'share.renewing': 'Bezig…',
  'share.renewed': 'Nieuwe link gemaakt. De oude link werkt niet meer.',
  'share.renewHelp':
    'Een nieuwe link maakt de oude ongeldig: wie daarmee verbonden is, wordt direct losgekoppeld.',
  'share.renewFailed': 'Er kon geen nieuwe link worden gemaakt.',
  'share.missing':
    'Deze link is niet in deze browser bewaard. Maak een nieuwe link om hem te kunnen delen.',
  'share.lastLinkWins':
    'Deze browser onthoudt per bord de link die je het laatst opende. Open je hier een deelnemerslink, dan ben je in deze browser deelnemer; open de begeleiderslink opnieuw om weer te begeleiden.',
  'share.qrTitle': 'QR-code om te scannen',
  'share.qrFor': 'QR-code voor',
  'share.qrHint': 'Laat de code op het scherm zien; deelnemers openen het bord met hun telefoon.',
  'share.close': 'Sluiten',
  'data.title': 'Gegevens van dit bord',
  'data.intro':
    'Download alles wat Stip van dit bord bewaart (JSON), of verwijder het bord met al zijn gegevens.',
  'data.export': 'Alles downloaden (JSON)',
  'data.exporting': 'Bezig met downloaden…',
  'data.exportFailed': 'Downloaden lukte niet. Probeer het opnieuw.',
  'data.delete': 'Bord verwijderen…',
  'data.confirmText':
    'Dit verwijdert het bord voor iedereen: alle notities, tekeningen, afbeeldingen en links. Wie nu meedoet, wordt losgekoppeld. Dit kan niet ongedaan worden gemaakt.',
  'data.confirmDelete': 'Ja, definitief verwijderen',
  'data.deleting': 'Bezig met verwijderen…',
  'data.deleteFailed': 'Verwijderen lukte niet. Er is niets verwijderd; probeer het opnieuw.',
  'data.cancel': 'Annuleren',

  'status.label': 'Verbinding',
  'status.connected': 'verbonden',
  'status.connecting': 'opnieuw verbinden',
  'status.offline': 'offline',
  'status.denied': 'geen toegang',

  'language.label': 'Taal',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'notFound.title': 'Pagina niet gevonden',

  'footer.accessibility': 'Toegankelijkheid',
  'footer.label': 'Over Stip',
  'board.menu': 'Meer',
  'board.details': 'Jouw gegevens',

  'a11y.title': 'Toegankelijkheidsverklaring',
  'a11y.intro':
    'Stip wil voor iedereen bruikbaar zijn, ook voor wie een toetsenbord, schermlezer, vergroting of telefoon gebruikt. Deze verklaring zegt wat we hebben getoetst en wat nog niet goed werkt.',
  'a11y.standardTitle': 'Standaard',
  'a11y.standard':
    'Stip streeft naar WCAG 2.1 niveau AA, de norm voor websites en apps van de Nederlandse overheid (EN 301 549).',
  'a11y.testedTitle': 'Wat we hebben getoetst en hoe',
  'a11y.tested.axe':
    'Automatische controle met axe-core (WCAG 2.1 A en AA) in Chromium op de startpagina (ook met foutmelding), het aanmeldscherm, de bovenbalk van het bord, het deelvenster met de ondertekeningslinks, het venster "Jouw gegevens", de pagina "Geen toegang", de panelen Werkvormen, Sessie, Stemmen, Manifest (smal en breed, met het ondertekenformulier), Deelnemers en Versies, het versievenster en deze verklaring: geen overtredingen.',
  'a11y.tested.keyboard':
    'Alleen met het toetsenbord: een bord maken, je aanmelden, een notitie toevoegen, het deelvenster openen en sluiten en een link kopiëren, een werkvorm toevoegen, een timer starten, stemmen, op organisatie filteren, in het manifest schrijven en het manifest ondertekenen. Elk bedieningselement toont een zichtbare focusrand.',
  'a11y.tested.mobile':
    'Op een telefoonscherm (390 × 844, aanraken): aanmelden en een notitie toevoegen.',
  'a11y.tested.motion': 'Met "beweging beperken" ingesteld staan animaties en overgangen uit.',
  'a11y.tested.contrast':
    'Tekst op een organisatiekleur is zwart of wit, gekozen op contrast (minstens 4,5:1), ook als iemand een lichte kleur kiest.',
  'a11y.limitsTitle': 'Bekende beperkingen',
  'a11y.limits.canvas':
    'Het tekenvlak is tldraw, een onderdeel van derden. Wij toetsen het niet met axe en kunnen het niet volledig aanpassen.',
  'a11y.limits.screenreader':
    'Tekenen en de plaats van notities op het vlak zijn niet volledig toegankelijk met een schermlezer. Daarom is er de lijstweergave (Lijst, bovenaan het bord): het hele bord per werkvorm en onderdeel, waarin je met toetsenbord en schermlezer notities leest, toevoegt, wijzigt, verplaatst en erop stemt.',
  'a11y.limits.keyboard':
    'Met het toetsenbord zet Shift+N een notitie midden in beeld, of naast de vorige (tldraw zelf plaatst notities alleen met een aanwijzer); Tab gaat van vorm naar vorm. Vrij tekenen en slepen vragen een muis, pen of vinger.',
  'a11y.limits.manual': 'Er is nog geen handmatige toets door ervaringsdeskundigen gedaan.',
  'a11y.dateTitle': 'Datum van de toets',
  'a11y.date': 'De laatste toets was op 22 november 2026.',
  'a11y.contactTitle': 'Contact',
  'a11y.contact':
    'Loop je ergens tegenaan? Neem contact op met de organisatie die deze installatie van Stip aanbiedt, bijvoorbeeld via de begeleider van je sessie. Zij kunnen het probleem oplossen of doorgeven.',
} as const

type CoreKey = keyof typeof coreNl

const coreEn: Record<CoreKey, string> = {
  'app.name': 'Stip',
  'app.tagline': 'Working together towards the dot on the horizon',

  'start.title': 'Stip',
  'start.intro':
    'A shared whiteboard for partners in the social domain: values, ambitions and a joint manifesto towards 2040.',
  'start.formTitle': 'Create a new board',
  'start.boardTitle': 'Board title',
  'start.boardTitleHint': 'For example: Towards 2040 – social domain North',
  'start.titleRequired': 'Give the board a title.',
  'start.organisations': 'Partner organisations',
  'start.organisationsHint':
    'Participants choose their organisation when they join. Its colour marks their contributions on the board.',
  'start.suggestions': 'Quick add',
  'start.addSuggestion': 'Add:',
  'start.addOrganisation': 'Add another organisation',
  'start.organisationName': 'Organisation name',
  'start.organisationColor': 'Colour',
  'start.removeOrganisation': 'Remove',
  'start.noOrganisations': 'No organisations yet. Participants will then type their own.',
  'start.template': 'Working form',
  'start.templateHint': 'The board starts with this working form. You can add more later.',
  'start.submit': 'Create board',
  'start.creating': 'Creating board…',
  'start.serverError': 'The board was not created:',
  'start.failed': 'The board could not be created. Please try again shortly.',
  'start.linksPrivate':
    'You will get three links: for facilitators, participants and viewers. They are kept in this browser only.',

  'template.none.name': 'Empty board',
  'template.none.description': 'Start without a working form.',
  'template.gedeelde-waarden.name': 'Gedeelde waarden (shared values)',
  'template.gedeelde-waarden.description':
    'Each organisation writes the values it starts from; together you find where they meet.',
  'template.ambities-2040.name': 'Ambities 2040 (ambitions 2040)',
  'template.ambities-2040.description':
    'From shared values to the dot on the horizon, and in steps A to D back to today.',
  'template.hebben-zaaien.name': 'Wat heb je al / wat moet je zaaien (have and sow)',
  'template.hebben-zaaien.description':
    'For one problem: which solutions are already in house and what still has to be sown?',
  'template.rondetafel.name': 'Rondetafel (round table)',
  'template.rondetafel.description':
    'Four questions about the shared challenge, opened by everyone’s heartfelt cry.',
  'template.vijf-knoppen.name': 'Vijf knoppen (five dials)',
  'template.vijf-knoppen.description':
    'Five dials a municipality can turn: fine-tune or turn fundamentally?',
  'template.rode-draden.name': 'Drie rode draden (three common threads)',
  'template.rode-draden.description':
    'Integrated collaboration, a life-course approach and residents in charge.',
  'template.dit-ga-ik-doen.name': 'Dit ga ik doen (I will do this)',
  'template.dit-ga-ik-doen.description':
    'Point each other to good practice and write down what you will take home and do.',

  'join.title': 'Join this board',
  'join.intro': 'Tell the others who you are. We remember this on this device.',
  'join.name': 'Your name',
  'join.organisation': 'Organisation',
  'join.organisationHint': 'For example Gemeente, GGD or Woningcorporatie',
  'join.role': 'Role',
  'join.roleHint': 'For example director, professional or resident',
  'join.function': 'Position',
  'join.functionHint': 'As it will appear under your signature, for example alderman or director',
  'join.submit': 'Go to the board',
  'join.signerTitle': 'Sign on behalf of {organisation}',
  'join.signerIntro':
    'You are invited to sign the manifesto on behalf of {organisation}. Fill in your name and position; then read the text and sign.',
  'join.signerSubmit': 'Go to the manifesto',
  'join.organisationFromLink': 'This link is for signing on behalf of this organisation.',
  'join.save': 'Save',
  'join.cancel': 'Cancel',
  'join.required': 'Fill in your name and organisation.',
  'join.editTitle': 'Your details',
  'join.organisationChoose': 'Choose your organisation',
  'join.organisationFromBoard': 'The facilitator chose these organisations for this board.',
  'join.viewerTitle': 'You are watching',
  'join.viewerIntro':
    'With this view link you follow the board live: you see the notes, the timer and the results of votes, but you cannot change anything yourself.',
  'join.viewerName': 'Your name (may stay empty)',
  'join.viewerNameHint': 'The others see this name by your pointer, marked "viewer".',
  'join.viewerSubmit': 'Watch',
  'join.viewerAnonymous': 'Someone',
  'join.viewerOrganisation': 'viewer',

  'board.label': 'Board',
  'board.loading': 'Loading board…',
  'board.editProfile': 'Change your details',
  'board.invalidId': 'This board does not exist: the address is invalid.',
  'board.backToStart': 'Go to the start page',
  'board.noAccessTitle': 'No access to this board',
  'board.noAccess':
    'This link is invalid or was renewed. Ask the session facilitator for a new link.',
  'board.readOnly': 'read only',
  'board.viewing': 'You are watching',

  'share.open': 'Share',
  'share.title': 'Share board',
  'share.intro':
    'Send everyone the link that fits their role. Anyone with a link reaches the board without an account: share it only with those taking part.',
  'share.role.facilitator': 'Facilitator',
  'share.role.editor': 'Participants',
  'share.role.viewer': 'Viewers',
  'share.help.facilitator':
    'May do everything: organisations, timer, voting and renewing links. Keep this link to yourself.',
  'share.help.editor': 'Can add and change notes, drawings and images.',
  'share.help.viewer': 'Can follow the board but change nothing.',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.copyFailed': 'Copying failed. The link is selected: press Ctrl+C.',
  'share.renew': 'Make a new link',
  'share.renewing': 'Working…',
  'share.renewed': 'New link made. The old link no longer works.',
  'share.renewHelp':
    'A new link invalidates the old one: anyone connected through it is disconnected at once.',
  'share.renewFailed': 'No new link could be made.',
  'share.missing': 'This link is not stored in this browser. Make a new link to share it.',
  'share.lastLinkWins':
    'This browser remembers, per board, the link you opened last. Open a participant link here and you are a participant in this browser; open the facilitator link again to facilitate.',
  'share.qrTitle': 'QR code to scan',
  'share.qrFor': 'QR code for',
  'share.qrHint': 'Show the code on screen; participants open the board with their phone.',
  'share.close': 'Close',
  'data.title': "This board's data",
  'data.intro':
    'Download everything Stip keeps of this board (JSON), or delete the board with all its data.',
  'data.export': 'Download everything (JSON)',
  'data.exporting': 'Downloading…',
  'data.exportFailed': 'The download failed. Please try again.',
  'data.delete': 'Delete board…',
  'data.confirmText':
    'This deletes the board for everyone: all notes, drawings, images and links. Everyone taking part now is disconnected. This cannot be undone.',
  'data.confirmDelete': 'Yes, delete for good',
  'data.deleting': 'Deleting…',
  'data.deleteFailed': 'Deleting failed. Nothing was deleted; please try again.',
  'data.cancel': 'Cancel',

  'status.label': 'Connection',
  'status.connected': 'connected',
  'status.connecting': 'reconnecting',
  'status.offline': 'offline',
  'status.denied': 'no access',

  'language.label': 'Language',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'notFound.title': 'Page not found',

  'footer.accessibility': 'Accessibility',
  'footer.label': 'About Stip',
  'board.menu': 'More',
  'board.details': 'Your details',

  'a11y.title': 'Accessibility statement',
  'a11y.intro':
    'Stip aims to be usable by everyone, including people who use a keyboard, screen reader, magnification or phone. This statement says what we tested and what does not work well yet.',
  'a11y.standardTitle': 'Standard',
  'a11y.standard':
    'Stip aims for WCAG 2.1 level AA, the standard for websites and apps of the Dutch government (EN 301 549).',
  'a11y.testedTitle': 'What we tested and how',
  'a11y.tested.axe':
    'Automated checks with axe-core (WCAG 2.1 A and AA) in Chromium on the start page (also with an error shown), the join screen, the board’s top bar, the share dialog with the signing links, the "Your details" dialog, the "No access" page, the Werkvormen, Session, Voting, Manifesto (narrow and wide, with the signing form), Participants and Versions panels, the version viewer and this statement: no violations.',
  'a11y.tested.keyboard':
    'Keyboard only: creating a board, joining, adding a note, opening and closing the share dialog and copying a link, adding a werkvorm, starting a timer, voting, filtering by organisation, writing in the manifesto and signing it. Every control shows a visible focus outline.',
  'a11y.tested.mobile': 'On a phone screen (390 × 844, touch): joining and adding a note.',
  'a11y.tested.motion': 'With "reduce motion" set, animations and transitions are off.',
  'a11y.tested.contrast':
    'Text on an organisation colour is black or white, chosen by contrast (at least 4.5:1), also when someone picks a light colour.',
  'a11y.limitsTitle': 'Known limitations',
  'a11y.limits.canvas':
    'The drawing canvas is tldraw, a third-party component. We do not check it with axe and cannot fully change it.',
  'a11y.limits.screenreader':
    'Drawing and the position of notes on the canvas are not fully accessible with a screen reader. That is why there is the list view (List, at the top of the board): the whole board by working form and part, where you read, add, edit, move and vote on notes with keyboard and screen reader.',
  'a11y.limits.keyboard':
    'With the keyboard, Shift+N puts a note in the middle of the view, or beside the last one (tldraw itself only places notes with a pointer); Tab moves from shape to shape. Free drawing and dragging need a mouse, pen or finger.',
  'a11y.limits.manual': 'No manual test by people with disabilities has been done yet.',
  'a11y.dateTitle': 'Date of the check',
  'a11y.date': 'The last check was on 22 November 2026.',
  'a11y.contactTitle': 'Contact',
  'a11y.contact':
    'Running into a problem? Contact the organisation that offers this installation of Stip, for example through your session’s facilitator. They can fix it or pass it on.',
}

const nl = { ...coreNl, ...featureCatalogues.nl }
const en: Record<keyof typeof nl, string> = { ...coreEn, ...featureCatalogues.en }

export type MessageKey = keyof typeof nl
export type Messages = Record<MessageKey, string>

export const messages: Record<Locale, Messages> = { nl, en }

/** Suggestions for the organisation field (Dutch names are the product's labels in both languages). */
export const organisationSuggestions = [
  'Gemeente',
  'GGD',
  'Welzijnsorganisatie',
  'Woningcorporatie',
  'Politie',
  'Zorggroep',
  'Inwoners',
] as const

export const roleSuggestions: Record<Locale, readonly string[]> = {
  nl: ['Bestuurder', 'Begeleider', 'Professional', 'Raadslid', 'Inwoner'],
  en: ['Director', 'Facilitator', 'Professional', 'Council member', 'Resident'],
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}
