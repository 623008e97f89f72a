import type { AgendaState, PresentationState } from '@stip/board/doc-model'

/* Presentation mode as pure steps; the facilitator writes each result as one value. */

export interface PresentableWerkvorm {
  frameId: string
  templateId: string
}

/**
 * The order to present in: first the werkvormen the agenda names, in agenda order (each
 * frame once), then the rest as they lie on the board (top-left first, as given).
 */
export function presentationOrder(
  werkvormen: readonly PresentableWerkvorm[],
  agenda: AgendaState | null,
): string[] {
  const order: string[] = []
  const taken = new Set<string>()
  for (const step of agenda?.steps ?? []) {
    const match = werkvormen.find(
      (werkvorm) => werkvorm.templateId === step.templateId && !taken.has(werkvorm.frameId),
    )
    if (!match) continue
    order.push(match.frameId)
    taken.add(match.frameId)
  }
  for (const werkvorm of werkvormen) {
    if (!taken.has(werkvorm.frameId)) order.push(werkvorm.frameId)
  }
  return order
}

/** A new presentation from the first werkvorm; null when there is nothing to present. */
export function startPresentation(
  frameIds: readonly string[],
  id: string,
  now: number,
): PresentationState | null {
  if (frameIds.length === 0) return null
  return { id, active: true, frameIds: [...frameIds], index: 0, startedAt: now }
}

/** One werkvorm forward (+1) or back (-1), staying within the list. */
export function stepPresentation(state: PresentationState, by: -1 | 1): PresentationState {
  const index = Math.min(state.frameIds.length - 1, Math.max(0, state.index + by))
  return index === state.index ? state : { ...state, index }
}

export function stopPresentation(state: PresentationState): PresentationState {
  return { ...state, active: false }
}

/** The step a key asks for, or null when the key is not a presentation key. */
export function stepForKey(key: string): -1 | 1 | null {
  if (key === 'ArrowRight' || key === 'PageDown') return 1
  if (key === 'ArrowLeft' || key === 'PageUp') return -1
  return null
}

/**
 * The agenda with the step that names the presented werkvorm made current (the first such
 * step), or null when no step names it or it is current already.
 */
export function agendaAt(
  agenda: AgendaState | null,
  templateId: string | undefined,
): AgendaState | null {
  if (!agenda || !templateId) return null
  const step = agenda.steps.find((candidate) => candidate.templateId === templateId)
  if (!step || step.id === agenda.currentStepId) return null
  return { ...agenda, currentStepId: step.id }
}
