import { afterEach } from 'vitest'

/**
 * Collects cleanup steps while a test runs and runs them (last first) after it, even when
 * the test failed. Every helper that starts something registers how to stop it here.
 */
export interface Cleanup {
  add(step: () => unknown): void
}

export function useCleanup(): Cleanup {
  const steps: Array<() => unknown> = []
  afterEach(async () => {
    const errors: unknown[] = []
    for (const step of steps.splice(0).reverse()) {
      try {
        await step()
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw errors[0]
  })
  return { add: (step) => steps.push(step) }
}
