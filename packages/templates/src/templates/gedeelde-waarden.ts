import { organisationNoteColor } from '../organisation-note-color'
import type { RowSpec, SectionSpec, TemplateOrganisation, TemplateSpec } from '../template-spec'

const LANES_PER_ROW = 4

/** Seeds 003/004: each organisation writes its values; the group finds where they meet. */
export const gedeeldeWaarden: TemplateSpec = {
  id: 'gedeelde-waarden',
  title: { nl: 'Gedeelde waarden', en: 'Shared values' },
  intro: {
    nl: 'Vanuit welke waarden vertrek jij? Schrijf ze in de baan van je organisatie. Leg daarna samen de waarden bij elkaar die elkaar raken.',
    en: 'Which values do you start from? Write them in your organisation’s lane. Then together put the values that touch each other side by side.',
  },
  width: 1840,
  rows: (organisations) => [...valueRows(organisations), clusterRow],
  example: {
    section: 'waar-we-elkaar-vinden',
    text: { nl: 'Voorbeeld: respect', en: 'Example: respect' },
  },
}

/** One lane per organisation (rows of four), or one shared lane when the board names none. */
function valueRows(organisations: readonly TemplateOrganisation[]) {
  const lanes: SectionSpec[] =
    organisations.length === 0
      ? [
          {
            key: 'waarden',
            label: { nl: 'Onze waarden', en: 'Our values' },
            prompt: {
              nl: 'Vanuit welke waarden vertrek jij? Eén waarde per briefje.',
              en: 'Which values do you start from? One value per note.',
            },
            color: 'light-blue',
          },
        ]
      : organisations.map((organisation) => ({
          key: `org-${organisation.id}`,
          label: { nl: organisation.name, en: organisation.name },
          prompt: {
            nl: 'Vanuit welke waarden vertrekken jullie?',
            en: 'Which values do you start from?',
          },
          // The organisation's own note colour, so its lane, its notes and the legend agree.
          color: organisationNoteColor(organisation.color),
        }))
  const rows: RowSpec[] = []
  for (let start = 0; start < lanes.length; start += LANES_PER_ROW) {
    // Every row has four columns when there are more than four lanes, so lanes line up.
    const sections = lanes.slice(start, start + LANES_PER_ROW)
    rows.push({
      height: 620,
      sections,
      columns: lanes.length > LANES_PER_ROW ? LANES_PER_ROW : undefined,
    })
  }
  return rows
}

const clusterRow = {
  height: 760,
  sections: [
    {
      key: 'waar-we-elkaar-vinden',
      label: { nl: 'Waar we elkaar vinden', en: 'Where we meet' },
      prompt: {
        nl: 'Leg waarden die op elkaar lijken bij elkaar en geef elk cluster een naam. Kies daarna met stippen de kernwaarden.',
        en: 'Put values that resemble each other together and name each cluster. Then pick the core values with dots.',
      },
      color: 'orange' as const,
    },
  ],
}
