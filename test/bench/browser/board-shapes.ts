/** Shape records as tldraw 5.4 stores them; what a workshop board holds (notes and boxes). */
export type SeedKind = 'note' | 'geo'

/** Grid spacing in page units: a note is 200x200, so neighbours never overlap. */
export const GRID_STEP = 240
export const GRID_COLUMNS = 50

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

function props(kind: SeedKind, text: string): Record<string, unknown> {
  const shared = {
    richText: richText(text),
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    labelColor: 'black',
    growY: 0,
    url: '',
    scale: 1,
  }
  if (kind === 'note') {
    return { ...shared, color: 'yellow', fontSizeAdjustment: 1, textLastEditedBy: null }
  }
  return {
    ...shared,
    w: 180,
    h: 120,
    geo: 'rectangle',
    dash: 'draw',
    flipX: false,
    flipY: false,
    color: 'black',
    fill: 'semi',
  }
}

/**
 * Fractional indices that sort in creation order: integer part 'a1', then a zero-padded
 * base-36 counter; the trailing 'V' keeps the fraction from ending in '0', which tldraw's
 * index validator refuses.
 */
function indexKey(i: number): string {
  return `a1${i.toString(36).padStart(4, '0')}V`
}

/**
 * `count` shapes on the default page, laid out in a grid: alternating notes and rectangles, or
 * notes only.
 */
export function seedShapes(
  count: number,
  mix: 'mixed' | 'notes' = 'mixed',
): Array<Record<string, unknown> & { id: string }> {
  return Array.from({ length: count }, (_, i) => {
    const kind: SeedKind = mix === 'notes' || i % 2 === 0 ? 'note' : 'geo'
    return {
      id: `shape:bench-${i}`,
      typeName: 'shape',
      type: kind,
      x: (i % GRID_COLUMNS) * GRID_STEP,
      y: Math.floor(i / GRID_COLUMNS) * GRID_STEP,
      rotation: 0,
      index: indexKey(i),
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      meta: {},
      props: props(kind, `Idee ${i}: samen naar 2040`),
    }
  })
}
