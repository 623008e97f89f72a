import { sha256 } from '@noble/hashes/sha2'
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

/**
 * SHA-256 hex of the text (UTF-8). Web Crypto where there is one; browsers withhold
 * `crypto.subtle` outside a secure context (a workshop over plain HTTP on the LAN), and there
 * @noble/hashes computes the same digest.
 */
export async function manifestoHash(
  text: string,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : sha256(bytes)
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
