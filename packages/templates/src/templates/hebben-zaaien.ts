import type { TemplateSpec } from '../template-spec'

/** Seed 004: for one problem, what a mixed group already has in house and what it must still sow. */
export const hebbenZaaien: TemplateSpec = {
  id: 'hebben-zaaien',
  title: { nl: 'Wat heb je al / wat moet je zaaien', en: 'What you have / what you must sow' },
  intro: {
    nl: 'Kies samen één opgave. Zet dan links wat jullie organisaties al in huis hebben en rechts wat nog gezaaid moet worden.',
    en: 'Choose one problem together. Then put on the left what your organisations already have, and on the right what still has to be sown.',
  },
  width: 1640,
  rows: () => [
    {
      height: 240,
      sections: [
        {
          key: 'opgave',
          label: { nl: 'De opgave', en: 'The problem' },
          prompt: {
            nl: 'Welke opgave pakken we samen aan? Maak haar zo concreet mogelijk.',
            en: 'Which problem do we tackle together? Make it as concrete as you can.',
          },
          color: 'grey',
        },
      ],
    },
    {
      height: 880,
      sections: [
        {
          key: 'hebben',
          label: { nl: 'Wat hebben we al', en: 'What we already have' },
          prompt: {
            nl: 'Welke oplossingen, mensen en netwerken zijn al in huis?',
            en: 'Which solutions, people and networks do we already have?',
          },
          color: 'green',
        },
        {
          key: 'zaaien',
          label: { nl: 'Wat moeten we zaaien', en: 'What we must sow' },
          prompt: {
            nl: 'Wat ontbreekt nog en moet nog groeien?',
            en: 'What is still missing and has yet to grow?',
          },
          color: 'yellow',
        },
      ],
    },
  ],
  example: {
    section: 'hebben',
    text: {
      nl: 'Voorbeeld: het wijkteam kent de gezinnen al',
      en: 'Example: the neighbourhood team already knows the families',
    },
  },
}
