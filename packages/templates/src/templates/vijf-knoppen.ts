import type { SectionSpec, TemplateOrganisation, TemplateSpec } from '../template-spec'

const DIALS: Array<Pick<SectionSpec, 'key' | 'label'>> = [
  {
    key: 'visie',
    label: { nl: 'Visie voor lange en korte termijn', en: 'Long- and short-term vision' },
  },
  {
    key: 'informele-steun',
    label: {
      nl: 'Informele steunnetwerken van burgers',
      en: "Citizens' informal support networks",
    },
  },
  {
    key: 'formele-infrastructuur',
    label: { nl: 'Formele sociale infrastructuur', en: 'Formal social infrastructure' },
  },
  {
    key: 'gemeentelijke-organisatie',
    label: {
      nl: 'Vernieuwing van de gemeentelijke organisatie',
      en: 'Renewal of the municipal organisation',
    },
  },
  { key: 'lerend-vermogen', label: { nl: 'Lerend vermogen', en: 'Capacity to learn' } },
]

/** Height of one dial lane: room for the heading, the scale and a column of markers. */
export function dialHeight(markerCount: number): number {
  return Math.max(330, 150 + markerCount * 46 + 40)
}

/** Seed 002: five dials a municipality can turn; each partner sets its own position. */
export const vijfKnoppen: TemplateSpec = {
  id: 'vijf-knoppen',
  title: { nl: 'Vijf knoppen', en: 'Five dials' },
  intro: {
    nl: 'Er is geen blauwdruk. Sleep per knop het label van je organisatie: bijstellen of fundamenteel omgooien? Licht je keuze toe met een briefje in de baan.',
    en: 'There is no blueprint. For each dial, drag your organisation’s label: fine-tune or turn it around? Explain your choice with a note in the lane.',
  },
  width: 2040,
  rows: (organisations: readonly TemplateOrganisation[]) =>
    DIALS.map((dial) => ({
      height: dialHeight(Math.max(1, organisations.length)),
      sections: [
        {
          ...dial,
          prompt: {
            nl: 'Bijstellen of fundamenteel omgooien?',
            en: 'Fine-tune or turn it around?',
          },
          color: 'light-violet',
          kind: 'dial',
        },
      ],
    })),
  example: {
    section: 'visie',
    text: {
      nl: 'Voorbeeld: eerst leren van de wijkteams, dan pas omgooien',
      en: 'Example: learn from the neighbourhood teams first, then turn around',
    },
  },
}
