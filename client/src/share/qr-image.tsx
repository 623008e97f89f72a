import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/** A QR code drawn in the browser as a data: URL: the link never leaves the page to be rendered. */
export function QrImage({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    setSrc(null)
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 220 }).then(
      (url) => active && setSrc(url),
      () => active && setSrc(null),
    )
    return () => {
      active = false
    }
  }, [text])
  if (!src) return <div className="qr-placeholder" aria-hidden="true" />
  return <img className="qr-image" src={src} alt={label} width={220} height={220} />
}
