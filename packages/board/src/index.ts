export {
  type BindOptions,
  bindStoreToDoc,
  type KeepLocal,
  LOCAL_ORIGIN,
} from './bind-store-to-doc'
export {
  DOC_TYPE_NAMES,
  getFacilitator,
  getManifesto,
  getMeta,
  getOrganisations,
  getRecordsArray,
  getSignatures,
  getVotes,
  MetaKey,
} from './doc-layout'
export { type DocSchemaStatus, getDocSchemaStatus } from './doc-schema'
export type { Logger } from './logger'
export { bindPresence, PRESENCE_FIELD, type PresenceOptions, type PresenceUser } from './presence'
export type { Schedule } from './schedule'
