import { amendmentsCatalogue } from './amendments'
import { arrangeCatalogue } from './arrange'
import { boardPanelsCatalogue } from './board-panels'
import { commentsCatalogue } from './comments'
import { facilitationCatalogue } from './facilitation'
import { licenceCatalogue } from './licence'
import { listViewCatalogue } from './list-view'
import { manifestoCatalogue } from './manifesto'
import { operationsCatalogue } from './operations'
import { participantsCatalogue } from './participants'
import { progressCatalogue } from './progress'
import { reactionsCatalogue } from './reactions'
import { recoveryCatalogue } from './recovery'
import { searchCatalogue } from './search'
import { versionsCatalogue } from './versions'
import { votingCatalogue } from './voting'
import { werkvormenCatalogue } from './werkvormen'

/** Every feature catalogue; add a feature's catalogue to this list (one line each). */
const catalogues = [
  boardPanelsCatalogue,
  facilitationCatalogue,
  votingCatalogue,
  werkvormenCatalogue,
  participantsCatalogue,
  manifestoCatalogue,
  amendmentsCatalogue,
  versionsCatalogue,
  operationsCatalogue,
  recoveryCatalogue,
  licenceCatalogue,
  searchCatalogue,
  listViewCatalogue,
  reactionsCatalogue,
  arrangeCatalogue,
  progressCatalogue,
  commentsCatalogue,
] as const

type Union = (typeof catalogues)[number]
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never
type FeatureNl = UnionToIntersection<Union['nl']>

export const featureCatalogues = {
  nl: Object.assign({}, ...catalogues.map((c) => c.nl)) as FeatureNl,
  en: Object.assign({}, ...catalogues.map((c) => c.en)) as Record<keyof FeatureNl, string>,
}
