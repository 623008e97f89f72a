import { defineCatalogue } from './define-catalogue'

/** The side panel that holds the werkvormen, voting, manifesto and who-is-heard tools. */
export const boardPanelsCatalogue = defineCatalogue(
  {
    'panels.label': 'Hulpmiddelen',
    'panels.open': 'Panelen tonen',
    'panels.close': 'Panelen verbergen',
  },
  {
    'panels.label': 'Tools',
    'panels.open': 'Show panels',
    'panels.close': 'Hide panels',
  },
)
