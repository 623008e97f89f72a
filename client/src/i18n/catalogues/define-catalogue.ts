/**
 * A feature's own messages, Dutch first; English must have exactly the same keys.
 * Each feature keeps its catalogue beside the others here, so features grow without editing
 * one shared file; `index.ts` merges them into the app's catalogue.
 */
export function defineCatalogue<const Nl extends Record<string, string>>(
  nl: Nl,
  en: { [Key in keyof Nl]: string },
): { nl: Nl; en: { [Key in keyof Nl]: string } } {
  return { nl, en }
}
