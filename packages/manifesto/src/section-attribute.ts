import { Extension } from '@tiptap/core'
import { SECTION_ATTRIBUTE } from './sections'

/**
 * Keeps the `section` attribute the default structure puts on headings. Without it in the
 * schema y-prosemirror would drop the attribute on the first edit, and "Naar manifest" could
 * no longer find a renamed section.
 */
export const SectionAttribute = Extension.create({
  name: 'stipSectionAttribute',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [SECTION_ATTRIBUTE]: {
            default: null,
            parseHTML: (element) => element.getAttribute('data-section'),
            renderHTML: (attributes) =>
              attributes[SECTION_ATTRIBUTE]
                ? { 'data-section': attributes[SECTION_ATTRIBUTE] }
                : {},
          },
        },
      },
    ]
  },
})
