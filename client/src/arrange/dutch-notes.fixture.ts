/**
 * Eighty-four notes as six organisations might write them in an "Ambities 2040" session
 * (themes from the seeds: rode draden, Noordoostpolder's manifesto, SociaalLab053, "dit zou
 * jíj eens moeten doen"), with the grouping a facilitator would make by hand.
 *
 * Written, and grouped, before the clustering was run, and not changed after: the agreement
 * measured on it (suggest-clusters.test.ts) is only honest if the fixture was not fitted to the
 * algorithm. The theme names are the person's, not the algorithm's labels.
 */
export type Organisation =
  | 'Gemeente'
  | 'Welzijn Carrefour'
  | 'GGD'
  | 'Woningcorporatie Mercatus'
  | 'Politie'
  | 'Zorggroep'

export type Theme =
  | 'eenzaamheid en ontmoeting'
  | 'bewoners aan het stuur'
  | 'ontschotten en samenwerken'
  | 'preventie en gezondheid'
  | 'wonen'
  | 'veiligheid in de wijk'
  | 'jeugd'
  | 'armoede en schulden'

export interface FixtureNote {
  text: string
  organisation: Organisation
  theme: Theme
}

const G: Organisation = 'Gemeente'
const W: Organisation = 'Welzijn Carrefour'
const D: Organisation = 'GGD'
const C: Organisation = 'Woningcorporatie Mercatus'
const P: Organisation = 'Politie'
const Z: Organisation = 'Zorggroep'

const note = (organisation: Organisation, theme: Theme, text: string): FixtureNote => ({
  text,
  organisation,
  theme,
})

export const DUTCH_NOTES: readonly FixtureNote[] = [
  // eenzaamheid en ontmoeting
  note(W, 'eenzaamheid en ontmoeting', 'Niemand is in 2040 nog eenzaam in zijn eigen wijk'),
  note(W, 'eenzaamheid en ontmoeting', 'Een ontmoetingsplek in elke kern, ook op zondag open'),
  note(Z, 'eenzaamheid en ontmoeting', 'Ouderen die alleen thuis zitten eerder zien'),
  note(
    D,
    'eenzaamheid en ontmoeting',
    'Eenzaamheid onder jongeren serieus nemen, niet alleen bij ouderen',
  ),
  note(G, 'eenzaamheid en ontmoeting', 'Buurthuizen openhouden als plek om elkaar te ontmoeten'),
  note(C, 'eenzaamheid en ontmoeting', 'Huurders kennen hun buren weer bij naam'),
  note(W, 'eenzaamheid en ontmoeting', 'Samen eten in de buurt tegen eenzaamheid'),
  note(Z, 'eenzaamheid en ontmoeting', 'Na het overlijden van een partner: iemand die langskomt'),
  note(D, 'eenzaamheid en ontmoeting', 'Sociaal isolement meten en erover praten in de wijk'),
  note(P, 'eenzaamheid en ontmoeting', 'Wijkagent merkt vaak als eerste dat iemand vereenzaamt'),

  // bewoners aan het stuur
  note(G, 'bewoners aan het stuur', 'Bewoners aan het stuur: zij bepalen wat de wijk nodig heeft'),
  note(W, 'bewoners aan het stuur', 'Ruimte en budget voor burgerinitiatieven'),
  note(
    G,
    'bewoners aan het stuur',
    'Als gemeente het stuur durven loslaten, net als een rij-instructeur',
  ),
  note(Z, 'bewoners aan het stuur', 'Eigen regie van de inwoner voorop, ook in de zorg'),
  note(
    W,
    'bewoners aan het stuur',
    'Kleine initiatieven van inwoners snel steunen, zonder formulieren',
  ),
  note(C, 'bewoners aan het stuur', 'Huurders beslissen mee over hun eigen buurt'),
  note(G, 'bewoners aan het stuur', 'Inwoners zijn mede-eigenaar, geen klant van de overheid'),
  note(D, 'bewoners aan het stuur', 'Uitgaan van wat mensen zelf kunnen en willen'),
  note(W, 'bewoners aan het stuur', 'Meer burgerkracht: bewoners organiseren zelf hun buurt'),
  note(
    P,
    'bewoners aan het stuur',
    'Buurtbewoners bepalen samen met ons de prioriteiten in de wijk',
  ),
  note(
    G,
    'bewoners aan het stuur',
    'Beleid maken op basis van gesprekken met inwoners in de kernen',
  ),

  // ontschotten en samenwerken
  note(G, 'ontschotten en samenwerken', 'Budgetten ontschotten tussen zorg, welzijn en wonen'),
  note(Z, 'ontschotten en samenwerken', 'Eén gezin, één plan, één regisseur'),
  note(
    W,
    'ontschotten en samenwerken',
    'Samenwerken met behoud van eigenheid van elke organisatie',
  ),
  note(
    C,
    'ontschotten en samenwerken',
    'Gezamenlijk budget voor de wijk in plaats van ieder zijn potje',
  ),
  note(
    P,
    'ontschotten en samenwerken',
    'Informatie delen tussen partners zonder gedoe over privacy',
  ),
  note(
    D,
    'ontschotten en samenwerken',
    'Integrale samenwerking als vanzelfsprekendheid, niet als project',
  ),
  note(G, 'ontschotten en samenwerken', 'Minder systeemwereld, meer leefwereld'),
  note(Z, 'ontschotten en samenwerken', 'Eén loket voor alle hulpvragen'),
  note(
    W,
    'ontschotten en samenwerken',
    'Professionals van verschillende organisaties in één wijkteam',
  ),
  note(G, 'ontschotten en samenwerken', 'Schotten tussen de afdelingen van de gemeente weghalen'),
  note(
    C,
    'ontschotten en samenwerken',
    'Partners spreken elkaar aan en zoeken elkaar op, ook als het schuurt',
  ),

  // preventie en gezondheid
  note(D, 'preventie en gezondheid', 'Positieve gezondheid als gedeelde taal voor alle partners'),
  note(D, 'preventie en gezondheid', 'Investeren in preventie in plaats van dure zorg achteraf'),
  note(Z, 'preventie en gezondheid', 'Gezond ouder worden in je eigen omgeving'),
  note(G, 'preventie en gezondheid', 'Sport en bewegen voor iedereen betaalbaar'),
  note(D, 'preventie en gezondheid', 'Minder roken en drinken onder jongeren'),
  note(Z, 'preventie en gezondheid', 'Huisarts en welzijn werken samen aan preventie'),
  note(W, 'preventie en gezondheid', 'Welzijn op recept: minder medicijnen, meer meedoen'),
  note(
    D,
    'preventie en gezondheid',
    'Mentale gezondheid krijgt dezelfde aandacht als lichamelijke',
  ),
  note(Z, 'preventie en gezondheid', 'Vroeg signaleren van dementie en kwetsbaarheid'),
  note(G, 'preventie en gezondheid', 'Een gezonde leefomgeving met groen en schone lucht'),

  // wonen
  note(C, 'wonen', 'Betaalbare woningen voor starters en jonge gezinnen'),
  note(C, 'wonen', 'Ouderen kunnen langer veilig thuis blijven wonen'),
  note(Z, 'wonen', 'Woonzorgcombinaties in elke kern'),
  note(G, 'wonen', 'Genoeg huizen bouwen, ook sociale huur'),
  note(C, 'wonen', 'Woningen levensloopbestendig maken'),
  note(W, 'wonen', 'Dakloosheid is in 2040 verleden tijd'),
  note(C, 'wonen', 'Verduurzamen van huurwoningen zonder dat de woonlasten stijgen'),
  note(G, 'wonen', 'Nieuwe woonvormen: hofjes, generatiewonen, kangoeroewoningen'),
  note(Z, 'wonen', 'Uitstroom uit beschermd wonen naar een gewone woning in de wijk'),
  note(P, 'wonen', 'Spreiding van kwetsbare huurders over de wijken'),

  // veiligheid in de wijk
  note(P, 'veiligheid in de wijk', 'Iedereen voelt zich veilig op straat, ook s avonds'),
  note(P, 'veiligheid in de wijk', 'Verwarde personen krijgen zorg, geen cel'),
  note(P, 'veiligheid in de wijk', 'Wijkagent als vast en bekend gezicht in de buurt'),
  note(C, 'veiligheid in de wijk', 'Overlast in portieken samen aanpakken'),
  note(D, 'veiligheid in de wijk', 'Huiselijk geweld eerder bespreekbaar maken'),
  note(G, 'veiligheid in de wijk', 'Ondermijning en drugscriminaliteit geen kans geven'),
  note(P, 'veiligheid in de wijk', 'Zorg en veiligheid aan één tafel bij zorgen over een bewoner'),
  note(W, 'veiligheid in de wijk', 'Buurtpreventie-apps en straatcoaches'),
  note(Z, 'veiligheid in de wijk', 'Een crisisbed voor verwarde mensen binnen een uur'),

  // jeugd
  note(W, 'jeugd', 'Jongeren een plek geven in de wijk waar ze welkom zijn'),
  note(D, 'jeugd', 'Elk kind groeit gezond en veilig op'),
  note(G, 'jeugd', 'Minder jeugdzorg door eerder hulp in het gezin'),
  note(P, 'jeugd', 'Jongeren uit de criminaliteit houden met perspectief op werk'),
  note(Z, 'jeugd', 'Wachtlijsten in de jeugd-ggz weg'),
  note(W, 'jeugd', 'Jongerenwerk op school en op straat'),
  note(G, 'jeugd', 'Jongeren praten mee in de gemeenteraad'),
  note(C, 'jeugd', 'Studenten en jongeren kunnen hier blijven wonen'),
  note(D, 'jeugd', 'Opvoedondersteuning laagdrempelig voor alle ouders'),
  note(W, 'jeugd', 'Kinderen in armoede doen gewoon mee met sport en cultuur'),

  // armoede en schulden
  note(G, 'armoede en schulden', 'Schulden vroeg signaleren, voordat het misgaat'),
  note(C, 'armoede en schulden', 'Bij huurachterstand meteen contact en hulp, geen uitzetting'),
  note(W, 'armoede en schulden', 'Schuldhulp zonder wachttijd en zonder schaamte'),
  note(G, 'armoede en schulden', 'Armoede doorbreken: niet van generatie op generatie'),
  note(Z, 'armoede en schulden', 'Geldzorgen maken mensen ziek'),
  note(G, 'armoede en schulden', 'Minimaregelingen eenvoudig en automatisch toekennen'),
  note(W, 'armoede en schulden', 'Werk dat loont: iedereen kan meedoen naar vermogen'),
  note(D, 'armoede en schulden', 'Stress door armoede meenemen in de gezondheidsaanpak'),
  note(P, 'armoede en schulden', 'Geldproblemen zijn vaak de oorzaak achter overlast'),
  note(C, 'armoede en schulden', 'Energiearmoede aanpakken in de oudere huurwoningen'),
  note(G, 'armoede en schulden', 'Een basisinkomen-experiment voor mensen in de bijstand'),
  note(W, 'armoede en schulden', 'Voedselbank is een noodgreep, geen oplossing'),
]
