/**
 * A second, smaller set: 42 notes from a Rondetafel ("Waar liggen kansen?", "Welk ander
 * perspectief is nodig?"), grouped by hand into six themes. Written after the clustering's
 * settings were chosen on dutch-notes.fixture.ts and never used to choose them, so the
 * agreement measured on it is the honest figure for notes the method has not seen.
 */
import type { Organisation } from './dutch-notes.fixture'

export type HeldOutTheme =
  | 'regels loslaten'
  | 'vrijwilligers en buurtnetwerken'
  | 'werk en meedoen'
  | 'mantelzorg'
  | 'ouderen thuis'
  | 'digitaal en data'

export interface HeldOutNote {
  text: string
  organisation: Organisation
  theme: HeldOutTheme
}

const note = (organisation: Organisation, theme: HeldOutTheme, text: string): HeldOutNote => ({
  text,
  organisation,
  theme,
})

export const HELD_OUT_NOTES: readonly HeldOutNote[] = [
  note('Gemeente', 'regels loslaten', 'Durf af te wijken van de regels als het de inwoner helpt'),
  note(
    'Welzijn Carrefour',
    'regels loslaten',
    'Minder formulieren, meer vertrouwen in professionals',
  ),
  note('Zorggroep', 'regels loslaten', 'Geen indicatie nodig voor lichte ondersteuning'),
  note('Gemeente', 'regels loslaten', 'Dereguleren: schrap elk jaar tien overbodige regels'),
  note('Politie', 'regels loslaten', 'Ruimte voor maatwerk in plaats van protocollen'),
  note('GGD', 'regels loslaten', 'Verantwoording op hoofdlijnen, niet per minuut'),
  note(
    'Woningcorporatie Mercatus',
    'regels loslaten',
    'Toewijzingsregels soepeler bij urgente situaties',
  ),

  note(
    'Welzijn Carrefour',
    'vrijwilligers en buurtnetwerken',
    'Vrijwilligers waarderen en goed begeleiden',
  ),
  note('Gemeente', 'vrijwilligers en buurtnetwerken', 'Informele netwerken in de buurt versterken'),
  note(
    'Woningcorporatie Mercatus',
    'vrijwilligers en buurtnetwerken',
    'Buren helpen buren: een klusjesdienst per straat',
  ),
  note(
    'Welzijn Carrefour',
    'vrijwilligers en buurtnetwerken',
    'Verenigingen en kerken als partner zien',
  ),
  note('Zorggroep', 'vrijwilligers en buurtnetwerken', 'Vrijwilligers naast de wijkverpleging'),
  note(
    'Politie',
    'vrijwilligers en buurtnetwerken',
    'Buurtnetwerken kennen elkaar en weten wie hulp nodig heeft',
  ),
  note(
    'GGD',
    'vrijwilligers en buurtnetwerken',
    'Sociale steun in de buurt beschermt tegen ziekte',
  ),

  note('Gemeente', 'werk en meedoen', 'Iedereen die kan werken heeft een plek op de arbeidsmarkt'),
  note('Welzijn Carrefour', 'werk en meedoen', 'Dagbesteding en werk dichter bij elkaar'),
  note('Zorggroep', 'werk en meedoen', 'Zorgpersoneel vinden en houden'),
  note(
    'Woningcorporatie Mercatus',
    'werk en meedoen',
    'Huurders met een afstand tot werk helpen in onderhoud',
  ),
  note('Gemeente', 'werk en meedoen', 'Leerwerkplekken bij alle partners'),
  note('Politie', 'werk en meedoen', 'Een baan is de beste preventie tegen terugval'),
  note('GGD', 'werk en meedoen', 'Meedoen naar vermogen, ook met een beperking'),

  note('Zorggroep', 'mantelzorg', 'Mantelzorgers op tijd ontlasten'),
  note('Welzijn Carrefour', 'mantelzorg', 'Respijtzorg makkelijk te vinden'),
  note('Gemeente', 'mantelzorg', 'Waardering voor mantelzorgers, niet alleen een bos bloemen'),
  note('GGD', 'mantelzorg', 'Overbelaste mantelzorgers eerder herkennen'),
  note('Woningcorporatie Mercatus', 'mantelzorg', 'Mantelzorgwoningen in de tuin toestaan'),
  note('Zorggroep', 'mantelzorg', 'Jonge mantelzorgers zien en steunen op school'),
  note('Welzijn Carrefour', 'mantelzorg', 'Een vast aanspreekpunt voor wie voor een naaste zorgt'),

  note('Zorggroep', 'ouderen thuis', 'Ouderen wonen zo lang mogelijk zelfstandig'),
  note('Woningcorporatie Mercatus', 'ouderen thuis', 'Seniorenwoningen dichtbij voorzieningen'),
  note('Gemeente', 'ouderen thuis', 'Vervoer voor ouderen naar de huisarts en de markt'),
  note('Welzijn Carrefour', 'ouderen thuis', 'Huisbezoeken bij alle 75-plussers'),
  note('GGD', 'ouderen thuis', 'Valpreventie bij ouderen thuis'),
  note('Zorggroep', 'ouderen thuis', 'Zorg aan huis met vaste gezichten'),
  note('Politie', 'ouderen thuis', 'Ouderen beschermen tegen babbeltrucs en oplichting'),

  note('Gemeente', 'digitaal en data', 'Iedereen digitaal vaardig, ook wie geen computer heeft'),
  note('GGD', 'digitaal en data', 'Gegevens van partners samen gebruiken om te leren'),
  note('Zorggroep', 'digitaal en data', 'Zorg op afstand met beeldbellen en sensoren'),
  note('Politie', 'digitaal en data', 'Digitale veiligheid: inwoners weerbaar tegen online fraude'),
  note('Welzijn Carrefour', 'digitaal en data', 'Een digitaal buurtplatform voor vraag en aanbod'),
  note(
    'Woningcorporatie Mercatus',
    'digitaal en data',
    'Slimme meters helpen huurders energie besparen',
  ),
  note('Gemeente', 'digitaal en data', 'Een dashboard met de cijfers van het sociaal domein'),
]
