import type { Config } from '../config'
import type { Limits } from '../limits/open-limits'
import { httpError } from './http-error'

export interface CreationRate {
  /** Refuses with 429 when this address, or the whole installation, made too many boards. */
  refuseIfOver(address: string): Promise<void>
  /** Counts one new board; called once the request is known to be good. */
  count(address: string): Promise<void>
}

/** The board-creation quotas (docs/operations.md), shared by new boards and vervolgsessies. */
export function creationRate(
  limits: Pick<Limits, 'boardCreationsPerAddress' | 'boardCreationsPerHour'>,
  config: Pick<Config, 'maxBoardsPerHour'>,
): CreationRate {
  return {
    async refuseIfOver(address) {
      if (await limits.boardCreationsPerAddress.isOver(address)) {
        throw httpError(
          429,
          'too many boards created from this address; wait a minute',
          'board-creation-rate-address',
        )
      }
      if (await limits.boardCreationsPerHour.isOver('all')) {
        throw httpError(
          429,
          `this installation creates at most ${config.maxBoardsPerHour} boards an hour; try again later`,
          'board-creation-rate',
        )
      }
    },
    async count(address) {
      await limits.boardCreationsPerAddress.add(address)
      await limits.boardCreationsPerHour.add('all')
    },
  }
}
