import { ROLES, type Role } from '@stip/protocol'

const key = (boardId: string) => `stip.role.${boardId}`

/** The role this browser last had on a board, for starting offline; null if never seen. */
export function rememberedRole(boardId: string): Role | null {
  try {
    const value = localStorage.getItem(key(boardId))
    return ROLES.includes(value as Role) ? (value as Role) : null
  } catch {
    return null
  }
}

export function rememberRole(boardId: string, role: Role): void {
  try {
    localStorage.setItem(key(boardId), role)
  } catch {
    // Without storage an offline start simply assumes the editor role; the server decides.
  }
}
