import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { SectionAttribute } from './section-attribute'

/**
 * The manifesto's nodes and marks: only what the Markdown (and so the signed text) can express,
 * so what people see is what they sign. The editor adds collaboration to these; the server
 * builds the same schema to write a past text back (restore-manifesto.ts).
 */
export function manifestoSchemaExtensions() {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo that only undoes this person's changes.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      strike: false,
      underline: false,
      // It would write an empty paragraph on load, also in frozen or viewer docs.
      trailingNode: false,
    }),
    SectionAttribute,
  ]
}

let schema: Schema | null = null

export function manifestoSchema(): Schema {
  schema ??= getSchema(manifestoSchemaExtensions())
  return schema
}
