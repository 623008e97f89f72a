export { createBoardSchema } from './board-schema'
export { boardStartRecords, FIRST_PAGE_ID } from './board-start-records'
export { type BuildOptions, buildTemplateRecords, templateFrameId } from './build-template-records'
export { CLUSTER_META_KEY, isClusterFrame } from './cluster-frame'
export { type DialPosition, readDialPositions } from './dial-positions'
export { locateNotes, type NotePlacement } from './locate-notes'
export { isLockedTemplatePart } from './locked-part'
export { nearestColor } from './nearest-color'
export {
  type NoteColor,
  ORGANISATION_PALETTE,
  organisationNoteColor,
  TLDRAW_SOLID_COLORS,
} from './organisation-note-color'
export { indexShapes, pageRect, type Rect, type ShapeLike } from './page-geometry'
export { isPromotedCopy } from './promoted-copy'
export { isTemplateId, TEMPLATES } from './template-catalogue'
export { listTemplateInstances, type TemplateInstance } from './template-instances'
export {
  LOCKABLE_PARTS,
  readTemplateMeta,
  type TemplateMeta,
  type TemplatePart,
  templateShapeId,
} from './template-meta'
export {
  DIAL_ENDS,
  type Label,
  type Locale,
  type SectionSpec,
  sectionKeys,
  type TemplateOrganisation,
  type TemplateSpec,
} from './template-spec'
