import { defineCatalogue } from './define-catalogue'

/** Quick reactions on notes (reactions/note-reactions.tsx). */
export const reactionsCatalogue = defineCatalogue(
  {
    'reactions.kind.eens': 'Eens',
    'reactions.kind.idee': 'Goed idee',
    'reactions.kind.vraag': 'Vraag',
    'reactions.kind.belangrijk': 'Belangrijk',
    'reactions.add': 'Reageer op: {text}',
    'reactions.choose': 'Reacties op: {text}',
    'reactions.count': '{kind}: {n, plural, one {# reactie} other {# reacties}}',
    'reactions.countMine': '{kind}: {n, plural, one {# reactie} other {# reacties}}, ook van jou',
    'reactions.emptyNote': '(lege notitie)',
  },
  {
    'reactions.kind.eens': 'Agree',
    'reactions.kind.idee': 'Good idea',
    'reactions.kind.vraag': 'Question',
    'reactions.kind.belangrijk': 'Important',
    'reactions.add': 'React to: {text}',
    'reactions.choose': 'Reactions to: {text}',
    'reactions.count': '{kind}: {n, plural, one {# reaction} other {# reactions}}',
    'reactions.countMine': '{kind}: {n, plural, one {# reaction} other {# reactions}}, yours too',
    'reactions.emptyNote': '(empty note)',
  },
)
