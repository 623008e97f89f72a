import type { TemplateSpec } from '../template-spec'

/** Seed 000: the three threads that run through every plan. */
export const rodeDraden: TemplateSpec = {
  id: 'rode-draden',
  title: { nl: 'Drie rode draden', en: 'Three common threads' },
  intro: {
    nl: 'Wat betekent elke rode draad voor jullie samenwerking? Schrijf per draad wat er al gebeurt en wat er moet gebeuren.',
    en: 'What does each thread mean for your collaboration? For each, write what already happens and what must happen.',
  },
  width: 2000,
  rows: () => [
    {
      height: 940,
      sections: [
        {
          key: 'integrale-samenwerking',
          label: { nl: 'Integrale samenwerking', en: 'Integrated collaboration' },
          prompt: {
            nl: 'Hoe werken we over de grenzen van onze organisaties heen?',
            en: 'How do we work across the borders of our organisations?',
          },
          color: 'red',
        },
        {
          key: 'levensbrede-aanpak',
          label: { nl: 'Levensbrede aanpak', en: 'Whole-life approach' },
          prompt: {
            nl: 'Hoe kijken we naar het hele leven van mensen, niet naar één loket?',
            en: "How do we look at people's whole lives, not at one counter?",
          },
          color: 'light-red',
        },
        {
          key: 'bewoners-aan-het-stuur',
          label: { nl: 'Bewoners aan het stuur', en: 'Residents in the driving seat' },
          prompt: {
            nl: 'Waar nemen bewoners zelf de regie, en wat hebben ze daarvoor nodig?',
            en: 'Where do residents take charge themselves, and what do they need for it?',
          },
          color: 'orange',
        },
      ],
    },
  ],
  example: {
    section: 'bewoners-aan-het-stuur',
    text: {
      nl: 'Voorbeeld: bewoners beslissen mee over het wijkbudget',
      en: 'Example: residents help decide on the neighbourhood budget',
    },
  },
}
