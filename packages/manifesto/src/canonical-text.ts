import type * as Y from 'yjs'
import { manifestoToMarkdown } from './manifesto-markdown'

/** Line endings, trailing spaces and Unicode composition do not change what was agreed. */
export function normaliseManifestoText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
  return `${lines.join('\n').replace(/\n+$/, '')}\n`
}

/** The exact text a signature covers. */
export function canonicalManifestoText(fragment: Y.XmlFragment): string {
  return normaliseManifestoText(manifestoToMarkdown(fragment))
}

/** SHA-256 hex of the text (UTF-8), through Web Crypto so browser and Node 20 agree. */
export async function manifestoHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
