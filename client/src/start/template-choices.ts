import { TEMPLATE_IDS, type TemplateId } from '@stip/protocol'

/** The werkvormen offered on the start page, in the order of the domain guide; `none` first. */
export type TemplateChoice = TemplateId | 'none'
export const TEMPLATE_CHOICES: readonly TemplateChoice[] = ['none', ...TEMPLATE_IDS]
