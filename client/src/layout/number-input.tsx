/**
 * A label with a small whole-number input. The value stays text while someone types (an empty
 * field is allowed for a moment); the caller decides what is valid.
 */
export function NumberInput({
  id,
  label,
  min,
  max,
  value,
  onChange,
}: {
  id: string
  label: string
  min: number
  max: number
  value: string
  onChange(value: string): void
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-input narrow"
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  )
}
