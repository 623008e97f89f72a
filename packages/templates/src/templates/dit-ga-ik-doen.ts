import type { TemplateSpec } from '../template-spec'

/** Seed 004: peers point each other to good practice; everyone writes what they will do. */
export const ditGaIkDoen: TemplateSpec = {
  id: 'dit-ga-ik-doen',
  title: { nl: 'Dit ga ik doen', en: 'This is what I will do' },
  intro: {
    nl: 'Wijs elkaar op wat werkt. Schrijf daarna op wat jij zelf mee naar huis neemt en gaat doen.',
    en: 'Point each other to what works. Then write what you take home and will do yourself.',
  },
  width: 1640,
  rows: () => [
    {
      height: 940,
      sections: [
        {
          key: 'jij-zou',
          label: { nl: 'Dit zou jíj eens moeten doen', en: 'This is what you should try' },
          prompt: {
            nl: 'Welk goed voorbeeld moet een ander eens proberen? Zet erbij voor wie.',
            en: 'Which good practice should someone else try? Say who it is for.',
          },
          color: 'light-blue',
        },
        {
          key: 'ik-ga',
          label: { nl: 'Dit ga ik doen', en: 'This is what I will do' },
          prompt: {
            nl: 'Wat neem jij mee naar huis, en wanneer begin je?',
            en: 'What do you take home, and when do you start?',
          },
          color: 'green',
        },
      ],
    },
  ],
  example: {
    section: 'ik-ga',
    text: {
      nl: 'Voorbeeld: volgende week bel ik de wijkagent',
      en: 'Example: next week I will call the community officer',
    },
  },
}
