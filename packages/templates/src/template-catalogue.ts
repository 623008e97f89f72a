import { TEMPLATE_IDS, type TemplateId } from '@stip/protocol'
import type { TemplateSpec } from './template-spec'
import { ambities2040 } from './templates/ambities-2040'
import { ditGaIkDoen } from './templates/dit-ga-ik-doen'
import { gedeeldeWaarden } from './templates/gedeelde-waarden'
import { hebbenZaaien } from './templates/hebben-zaaien'
import { rodeDraden } from './templates/rode-draden'
import { rondetafel } from './templates/rondetafel'
import { vijfKnoppen } from './templates/vijf-knoppen'

/** Every werkvorm by id, in the order of the domain guide. */
export const TEMPLATES: Readonly<Record<TemplateId, TemplateSpec>> = {
  'gedeelde-waarden': gedeeldeWaarden,
  'ambities-2040': ambities2040,
  'hebben-zaaien': hebbenZaaien,
  rondetafel,
  'vijf-knoppen': vijfKnoppen,
  'rode-draden': rodeDraden,
  'dit-ga-ik-doen': ditGaIkDoen,
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
