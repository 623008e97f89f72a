import { EmbedShapeUtil } from 'tldraw'

/**
 * Shape utils that replace tldraw's defaults of the same type. Embeds are iframes to third
 * parties (YouTube, Figma, …); Stip promises no request leaves its own origin, so no URL
 * becomes an embed. The schema is unchanged, so embed records made elsewhere still validate.
 */
export const boardShapeUtils = [EmbedShapeUtil.configure({ embedDefinitions: [] })]
