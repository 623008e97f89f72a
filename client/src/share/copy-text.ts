/**
 * Copies `text` to the clipboard. Where the Clipboard API is missing or refused (plain HTTP on
 * a LAN host is not a secure context), the text in `field` is selected and the old copy command
 * tried, so the person can at least press Ctrl+C. Answers whether the copy surely happened.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (permissions, focus): fall through to selecting the text.
  }
  if (!field) return false
  field.focus()
  field.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  }
}
