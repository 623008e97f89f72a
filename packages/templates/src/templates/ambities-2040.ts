import type { TemplateSpec } from '../template-spec'

/**
 * Seed 003: The Natural Step's ABCD backcasting. First the future within the shared values,
 * then the route back to today; step D ranks C's ideas by three questions.
 */
export const ambities2040: TemplateSpec = {
  id: 'ambities-2040',
  title: { nl: 'Ambities 2040', en: 'Ambitions 2040' },
  intro: {
    nl: 'Vanuit de gedeelde waarden naar de stip op de horizon, en dan stap voor stap terug naar vandaag. Loop de stappen gerust vaker door.',
    en: 'From the shared values to the dot on the horizon, then step by step back to today. Feel free to go through the steps more than once.',
  },
  width: 2520,
  rows: () => [
    {
      height: 1040,
      sections: [
        {
          key: 'a-visie',
          label: { nl: 'A · Visie 2040', en: 'A · Vision 2040' },
          prompt: {
            nl: 'Hoe ziet het sociaal domein er in 2040 uit, binnen onze waarden? Welke trends drukken erop?',
            en: 'What does the social domain look like in 2040, within our values? Which trends press on it?',
          },
          color: 'light-blue',
        },
        {
          key: 'b-vertrekpunt',
          label: { nl: 'B · Waar staan we nu', en: 'B · Where we stand today' },
          prompt: {
            nl: 'Waar botst vandaag met de visie? Welke kracht hebben we al?',
            en: 'Where does today conflict with the vision? Which strengths do we already have?',
          },
          color: 'violet',
        },
        {
          key: 'c-oplossingen',
          label: { nl: 'C · Creatieve oplossingen', en: 'C · Creative solutions' },
          prompt: {
            nl: 'Welke oplossingen zie je, zonder politieke of technische grenzen?',
            en: 'Which solutions do you see, without political or technical limits?',
          },
          color: 'green',
        },
        {
          key: 'd-actie',
          label: { nl: 'D · Naar actie', en: 'D · Down to action' },
          prompt: {
            nl: 'Zet de ideeën uit C op volgorde:\n1. Gaat het de goede kant op?\n2. Is het een flexibel platform om op verder te bouwen?\n3. Levert het genoeg op voor wat het kost?\nKies de eerste stappen voor deze raadsperiode.',
            en: "Rank C's ideas:\n1. Is it the right direction?\n2. Is it a flexible platform to build on?\n3. Is the return acceptable?\nPick the first steps for this council period.",
          },
          color: 'orange',
        },
      ],
    },
  ],
  example: {
    section: 'a-visie',
    text: {
      nl: 'Voorbeeld: in 2040 vindt iedereen hulp dichtbij huis',
      en: 'Example: in 2040 everyone finds help close to home',
    },
  },
}
