import type {
  TLDefaultColorStyle,
  TLFrameShape,
  TLGeoShape,
  TLNoteShape,
  TLParentId,
  TLRichText,
  TLShape,
  TLShapeId,
  TLTextShape,
} from '@tldraw/tlschema'

type IndexKey = TLShape['index']
type JsonObject = TLShape['meta']

/** Fields every shape record shares; the factories below fill in the rest with calm defaults. */
export interface Placement {
  id: TLShapeId
  parentId: TLParentId
  index: IndexKey
  x: number
  y: number
  meta: JsonObject
}

const base = (placement: Placement) => ({
  ...placement,
  typeName: 'shape' as const,
  rotation: 0,
  isLocked: false,
  opacity: 1,
})

/** Rich text with an optional bold first paragraph, one paragraph per line of `body`. */
export function richText(body: string, heading?: string): TLRichText {
  const paragraph = (text: string, bold = false) =>
    text === ''
      ? { type: 'paragraph' }
      : {
          type: 'paragraph',
          content: [{ type: 'text', text, ...(bold ? { marks: [{ type: 'bold' }] } : {}) }],
        }
  const content = [
    ...(heading === undefined ? [] : [paragraph(heading, true)]),
    ...(body === '' ? [] : body.split('\n').map((line) => paragraph(line))),
  ]
  return { type: 'doc', content }
}

export function frameRecord(
  placement: Placement,
  props: { w: number; h: number; name: string },
): TLFrameShape {
  return { ...base(placement), type: 'frame', props: { ...props, color: 'black' } }
}

export function geoRecord(
  placement: Placement,
  props: {
    w: number
    h: number
    color: TLDefaultColorStyle
    text: TLRichText
    geo?: TLGeoShape['props']['geo']
    fill?: TLGeoShape['props']['fill']
    size?: TLGeoShape['props']['size']
    align?: TLGeoShape['props']['align']
    verticalAlign?: TLGeoShape['props']['verticalAlign']
    labelColor?: TLDefaultColorStyle
  },
): TLGeoShape {
  return {
    ...base(placement),
    type: 'geo',
    props: {
      geo: props.geo ?? 'rectangle',
      dash: 'solid',
      url: '',
      w: props.w,
      h: props.h,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: props.labelColor ?? 'black',
      color: props.color,
      fill: props.fill ?? 'solid',
      size: props.size ?? 's',
      font: 'sans',
      align: props.align ?? 'start',
      verticalAlign: props.verticalAlign ?? 'start',
      richText: props.text,
    },
  }
}

export function textRecord(
  placement: Placement,
  props: {
    w: number
    text: TLRichText
    size: TLTextShape['props']['size']
    textAlign?: TLTextShape['props']['textAlign']
  },
): TLTextShape {
  return {
    ...base(placement),
    type: 'text',
    props: {
      color: 'black',
      size: props.size,
      font: 'sans',
      textAlign: props.textAlign ?? 'start',
      w: props.w,
      richText: props.text,
      scale: 1,
      autoSize: false,
    },
  }
}

export function noteRecord(placement: Placement, text: TLRichText): TLNoteShape {
  return {
    ...base(placement),
    type: 'note',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'sans',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: text,
      scale: 1,
      textLastEditedBy: null,
    },
  }
}
