import type { TemplateSpec } from '../template-spec'

/** Seed 001: four questions, opened by each participant's hartenkreet. */
export const rondetafel: TemplateSpec = {
  id: 'rondetafel',
  title: { nl: 'Rondetafel', en: 'Round table' },
  intro: {
    nl: 'Open met ieders hartenkreet in één zin. Beantwoord daarna samen de vier vragen.',
    en: "Open with everyone's heartfelt cry in one line. Then answer the four questions together.",
  },
  width: 2520,
  rows: () => [
    {
      height: 340,
      sections: [
        {
          key: 'hartenkreet',
          label: { nl: 'Hartenkreet', en: 'Heartfelt cry' },
          prompt: {
            nl: 'Wat is jouw hartenkreet, in één zin? Bijvoorbeeld: “Niet vinken, maar vonken.”',
            en: 'What is your heartfelt cry, in one line? For example: “Spark, don’t tick boxes.”',
          },
          color: 'light-red',
        },
      ],
    },
    {
      height: 880,
      sections: [
        {
          key: 'opgave',
          label: { nl: 'De opgave', en: 'The task' },
          prompt: {
            nl: 'Welke opgave staan we samen voor?',
            en: 'Which task do we face together?',
          },
          color: 'light-blue',
        },
        {
          key: 'succes',
          label: { nl: 'Succes', en: 'Success' },
          prompt: {
            nl: 'Wanneer is sociale vernieuwing succesvol?',
            en: 'When is social renewal successful?',
          },
          color: 'green',
        },
        {
          key: 'kansen',
          label: { nl: 'Kansen', en: 'Opportunities' },
          prompt: { nl: 'Waar liggen kansen?', en: 'Where are the opportunities?' },
          color: 'yellow',
        },
        {
          key: 'perspectief',
          label: { nl: 'Ander perspectief', en: 'Another perspective' },
          prompt: {
            nl: 'Welk ander perspectief is nodig voor een doorbraak?',
            en: 'Which other perspective is needed for a breakthrough?',
          },
          color: 'violet',
        },
      ],
    },
  ],
  example: {
    section: 'hartenkreet',
    text: { nl: 'Niet vinken, maar vonken!', en: 'Spark, don’t tick boxes!' },
  },
}
