/**
 * Every user-facing string of the Stip client, Dutch first.
 * `en` is typed against `nl`'s keys, and messages.test.ts checks both directions at runtime.
 */

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]

const nl = {
  'app.name': 'Stip',
  'app.tagline': 'Samen werken aan de stip op de horizon',

  'start.title': 'Stip',
  'start.intro':
    'Een gedeeld whiteboard voor partners in het sociaal domein: waarden, ambities en een gezamenlijk manifest richting 2040.',
  'start.newBoard': 'Nieuw bord',
  'start.defaultTitle': 'Nieuw bord',
  'start.failed': 'Het bord kon niet worden gemaakt. Probeer het zo opnieuw.',

  'join.title': 'Doe mee aan dit bord',
  'join.intro': 'Vertel de anderen wie je bent. We onthouden dit op dit apparaat.',
  'join.name': 'Je naam',
  'join.organisation': 'Organisatie',
  'join.organisationHint': 'Bijvoorbeeld Gemeente, GGD of Woningcorporatie',
  'join.role': 'Rol',
  'join.roleHint': 'Bijvoorbeeld bestuurder, professional of inwoner',
  'join.submit': 'Naar het bord',
  'join.save': 'Opslaan',
  'join.cancel': 'Annuleren',
  'join.required': 'Vul je naam en organisatie in.',
  'join.editTitle': 'Jouw gegevens',

  'board.label': 'Bord',
  'board.loading': 'Bord laden…',
  'board.editProfile': 'Jouw gegevens wijzigen',
  'board.invalidId': 'Dit bord bestaat niet: het adres is ongeldig.',
  'board.backToStart': 'Naar de startpagina',
  'board.noAccessTitle': 'Geen toegang tot dit bord',
  'board.noAccess':
    'Deze link is ongeldig of vernieuwd. Vraag de begeleider van de sessie om een nieuwe link.',
  'board.readOnly': 'alleen lezen',

  'status.label': 'Verbinding',
  'status.connected': 'verbonden',
  'status.connecting': 'opnieuw verbinden',
  'status.offline': 'offline',
  'status.denied': 'geen toegang',

  'language.label': 'Taal',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'notFound.title': 'Pagina niet gevonden',
} as const

export type MessageKey = keyof typeof nl
export type Messages = Record<MessageKey, string>

const en: Messages = {
  'app.name': 'Stip',
  'app.tagline': 'Working together towards the dot on the horizon',

  'start.title': 'Stip',
  'start.intro':
    'A shared whiteboard for partners in the social domain: values, ambitions and a joint manifesto towards 2040.',
  'start.newBoard': 'New board',
  'start.defaultTitle': 'New board',
  'start.failed': 'The board could not be created. Please try again shortly.',

  'join.title': 'Join this board',
  'join.intro': 'Tell the others who you are. We remember this on this device.',
  'join.name': 'Your name',
  'join.organisation': 'Organisation',
  'join.organisationHint': 'For example Gemeente, GGD or Woningcorporatie',
  'join.role': 'Role',
  'join.roleHint': 'For example director, professional or resident',
  'join.submit': 'Go to the board',
  'join.save': 'Save',
  'join.cancel': 'Cancel',
  'join.required': 'Fill in your name and organisation.',
  'join.editTitle': 'Your details',

  'board.label': 'Board',
  'board.loading': 'Loading board…',
  'board.editProfile': 'Change your details',
  'board.invalidId': 'This board does not exist: the address is invalid.',
  'board.backToStart': 'Go to the start page',
  'board.noAccessTitle': 'No access to this board',
  'board.noAccess':
    'This link is invalid or was renewed. Ask the session facilitator for a new link.',
  'board.readOnly': 'read only',

  'status.label': 'Connection',
  'status.connected': 'connected',
  'status.connecting': 'reconnecting',
  'status.offline': 'offline',
  'status.denied': 'no access',

  'language.label': 'Language',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'notFound.title': 'Page not found',
}

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
  nl: ['Bestuurder', 'Facilitator', 'Professional', 'Raadslid', 'Inwoner'],
  en: ['Director', 'Facilitator', 'Professional', 'Council member', 'Resident'],
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}
