import { defineCatalogue } from './define-catalogue'

/** What the board says when tldraw's licence check has removed the canvas. */
export const licenceCatalogue = defineCatalogue(
  {
    'licence.title': 'Het bord kan hier niet worden getoond',
    'licence.why':
      'De tekenlaag van Stip is tldraw. tldraw heeft een licentiesleutel nodig zodra het via HTTPS op een echt adres draait, en deze Stip-server heeft er nog geen. Zonder sleutel haalt tldraw het tekenvlak na een paar seconden weg.',
    'licence.safe': 'Er is niets verloren: het bord en alles erop staan veilig op de server.',
    'licence.facilitator.todo':
      'Wat te doen: vraag bij tldraw een licentiesleutel aan en laat die instellen als TLDRAW_LICENSE_KEY in de omgeving van de Stip-server. Herstart de server en laad deze pagina opnieuw.',
    'licence.facilitator.options':
      'tldraw kent een gratis proeflicentie (100 dagen), een commerciële licentie en een hobbylicentie voor niet-commercieel gebruik (met watermerk).',
    'licence.facilitator.link': 'De licentieopties van tldraw (Engels)',
    'licence.other.todo':
      'Vraag de begeleider van deze sessie, of wie deze Stip-server beheert, om een tldraw-licentiesleutel in te stellen. Daarna werkt het bord weer zoals je gewend bent.',
  },
  {
    'licence.title': 'The board cannot be shown here',
    'licence.why':
      'Stip draws with tldraw. tldraw needs a licence key as soon as it runs over HTTPS on a real address, and this Stip server has none yet. Without a key tldraw removes the canvas after a few seconds.',
    'licence.safe': 'Nothing is lost: the board and everything on it are safe on the server.',
    'licence.facilitator.todo':
      'What to do: get a licence key from tldraw and have it set as TLDRAW_LICENSE_KEY in the Stip server’s environment. Restart the server and reload this page.',
    'licence.facilitator.options':
      'tldraw offers a free trial licence (100 days), a commercial licence and a hobby licence for non-commercial use (with a watermark).',
    'licence.facilitator.link': 'tldraw’s licence options',
    'licence.other.todo':
      'Ask the facilitator of this session, or whoever runs this Stip server, to set a tldraw licence key. The board then works as usual again.',
  },
)
