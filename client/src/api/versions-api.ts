import { apiJson, boardPath } from './http'

/** A named version of the board, as listed (without its snapshot). */
export interface BoardVersion {
  id: string
  name: string
  authorName: string
  createdAt: number
  manifestoHash: string | null
}

/** An opened version: its canvas records and its manifesto as Markdown, for a read-only view. */
export interface OpenedVersion {
  version: BoardVersion
  records: Array<Record<string, unknown> & { id: string; typeName: string }>
  manifestoMarkdown: string
}

const path = (boardId: string) => `${boardPath(boardId)}/versions`

function request<T>(
  url: string,
  token: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  return apiJson<T>(url, { method: init.method, token, json: init.body })
}

export async function listVersions(boardId: string, token: string): Promise<BoardVersion[]> {
  return (await request<{ versions: BoardVersion[] }>(path(boardId), token)).versions
}

export async function saveVersion(
  boardId: string,
  token: string,
  name: string,
  authorName: string,
): Promise<BoardVersion> {
  return (
    await request<{ version: BoardVersion }>(path(boardId), token, {
      method: 'POST',
      body: { name, authorName },
    })
  ).version
}

export function openVersion(
  boardId: string,
  token: string,
  versionId: string,
): Promise<OpenedVersion> {
  return request<OpenedVersion>(`${path(boardId)}/${encodeURIComponent(versionId)}`, token)
}

/** Restores a version as a new change; the server first saves the current state as a version. */
export async function restoreVersion(
  boardId: string,
  token: string,
  versionId: string,
  authorName: string,
): Promise<void> {
  await request(`${path(boardId)}/${encodeURIComponent(versionId)}/restore`, token, {
    method: 'POST',
    body: { authorName },
  })
}
