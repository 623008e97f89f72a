import { describe, expect, it } from 'vitest'
import { loadParticipant, normaliseParticipant, saveParticipant } from './participant'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  }
}

describe('participant storage', () => {
  it('remembers a saved participant', () => {
    const storage = memoryStorage()
    saveParticipant(storage, { name: 'Anna', organisation: 'GGD', role: 'Bestuurder' })
    expect(loadParticipant(storage)).toEqual({
      name: 'Anna',
      organisation: 'GGD',
      role: 'Bestuurder',
    })
  })

  it('forgets an entry that is not valid JSON or lacks a name', () => {
    const storage = memoryStorage()
    storage.setItem('stip.participant', '{not json')
    expect(loadParticipant(storage)).toBeNull()
    storage.setItem('stip.participant', JSON.stringify({ name: ' ', organisation: 'GGD' }))
    expect(loadParticipant(storage)).toBeNull()
  })

  it('trims the fields and requires a name and an organisation', () => {
    expect(normaliseParticipant({ name: ' Bo ', organisation: ' Politie ', role: '' })).toEqual({
      name: 'Bo',
      organisation: 'Politie',
      role: '',
    })
    expect(normaliseParticipant({ name: 'Bo', organisation: '', role: 'x' })).toBeNull()
  })
})
