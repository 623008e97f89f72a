export { appendToSection } from './append-to-section'
export { canonicalManifestoText, manifestoHash, normaliseManifestoText } from './canonical-text'
export { isManifestoEmpty, writeDefaultManifesto } from './default-manifesto'
export type { InlineRun, ManifestoBlock } from './manifesto-blocks'
export { manifestoBlocks } from './manifesto-blocks'
export { manifestoToMarkdown } from './manifesto-markdown'
export {
  anchorPassage,
  type LocatedPassage,
  locatePassage,
  type PassageAnchor,
  type PassageSelection,
  reanchorPassage,
  replacePassage,
  resolvePassage,
  sectionOfBlock,
} from './passage'
export { readableManifestoText } from './readable-text'
export {
  isManifestoSectionKey,
  MANIFESTO_SECTIONS,
  type ManifestoLocale,
  type ManifestoSection,
  type ManifestoSectionKey,
  SECTION_ATTRIBUTE,
} from './sections'
export {
  readSignatures,
  type Signature,
  type SignatureStatus,
  signatureStatus,
  type TextChange,
} from './signatures'
