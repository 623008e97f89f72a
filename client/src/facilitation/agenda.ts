import type { AgendaState, AgendaStep } from '@stip/board/doc-model'

/* Agenda edits as pure steps; the panel writes the result back as one value. */

export const emptyAgenda: AgendaState = { steps: [], currentStepId: null }

export function addStep(agenda: AgendaState, step: AgendaStep): AgendaState {
  return {
    steps: [...agenda.steps, step],
    // The first step of an empty agenda is where the session starts.
    currentStepId: agenda.currentStepId ?? step.id,
  }
}

export function removeStep(agenda: AgendaState, stepId: string): AgendaState {
  const index = agenda.steps.findIndex((step) => step.id === stepId)
  if (index < 0) return agenda
  const steps = agenda.steps.filter((step) => step.id !== stepId)
  const currentStepId =
    agenda.currentStepId === stepId
      ? (steps[Math.min(index, steps.length - 1)]?.id ?? null)
      : agenda.currentStepId
  return { steps, currentStepId }
}

/** Moves a step one place up (-1) or down (+1); at either end nothing changes. */
export function moveStep(agenda: AgendaState, stepId: string, by: -1 | 1): AgendaState {
  const index = agenda.steps.findIndex((step) => step.id === stepId)
  const target = index + by
  if (index < 0 || target < 0 || target >= agenda.steps.length) return agenda
  const steps = [...agenda.steps]
  const [step] = steps.splice(index, 1)
  if (step) steps.splice(target, 0, step)
  return { ...agenda, steps }
}

/** Moves the current step forward (+1) or back (-1), staying within the agenda. */
export function advance(agenda: AgendaState, by: -1 | 1): AgendaState {
  if (agenda.steps.length === 0) return agenda
  const index = agenda.steps.findIndex((step) => step.id === agenda.currentStepId)
  const next = Math.min(agenda.steps.length - 1, Math.max(0, index + by))
  return { ...agenda, currentStepId: agenda.steps[next]?.id ?? null }
}
