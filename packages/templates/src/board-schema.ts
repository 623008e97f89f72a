import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema'

/** tldraw's default schema: the one Stip's client runs (its shape utils keep the default props). */
export function createBoardSchema() {
  return createTLSchema({ shapes: defaultShapeSchemas, bindings: defaultBindingSchemas })
}
