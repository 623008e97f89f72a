import { getManifesto } from '@stip/board/doc-layout'
// The test package does not depend on @stip/manifesto; its source is the same module the server runs.
import { canonicalManifestoText, manifestoHash, writeDefaultManifesto } from '@stip/manifesto'
import * as Y from 'yjs'

export interface ApiResult<T = Record<string, unknown>> {
  status: number
  body: T
}

/** One JSON request to the board API with a Bearer token (none when `token` is undefined). */
export async function boardApi<T = Record<string, unknown>>(
  url: string,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T }
}

export const tokenOfLink = (link: string) =>
  new URLSearchParams(new URL(link).hash.slice(1)).get('token')!

/**
 * Writes the default manifesto (as the editor's "insert structure" button does) and fills the
 * preamble and the ambitions with text, so exports and signatures have words to work on.
 */
export function writeManifesto(doc: Y.Doc, preamble: string, ambition: string): void {
  const fragment = getManifesto(doc)
  doc.transact(() => {
    writeDefaultManifesto(fragment, 'nl')
    setParagraphText(doc, 1, preamble)
    setParagraphText(doc, 3, ambition)
  })
}

/**
 * Replaces the text of the n-th paragraph (0-based, counting paragraphs only) of the manifesto.
 * The default structure alternates heading / paragraph, so paragraph 1 is the preamble.
 */
export function setParagraphText(doc: Y.Doc, index: number, text: string): void {
  const paragraphs = getManifesto(doc)
    .toArray()
    .filter(
      (node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph',
    )
  const paragraph = paragraphs[index]
  if (!paragraph) throw new Error(`the manifesto has no paragraph ${index}`)
  doc.transact(() => {
    if (paragraph.length > 0) paragraph.delete(0, paragraph.length)
    const node = new Y.XmlText()
    node.insert(0, text)
    paragraph.insert(0, [node])
  })
}

export function manifestoText(doc: Y.Doc): string {
  return canonicalManifestoText(getManifesto(doc))
}

export async function manifestoHashOf(doc: Y.Doc): Promise<string> {
  return manifestoHash(manifestoText(doc))
}
