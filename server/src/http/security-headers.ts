import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers on every response. The CSP allows exactly what the app needs: its own scripts,
 * styles (tldraw sets inline styles), images from itself, data: and blob: (canvas exports,
 * pasted images), fonts from itself, and websockets to its own origin. The one third party is tldraw's licence beacon (below).
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // tldraw's licence check reports an unlicensed or evaluation install to its CDN; its
      // licence forbids interfering with that check, so exactly that one host is allowed.
      // The address it reports carries no token: the client removed it before tldraw loads.
      connectSrc: ["'self'", 'https://cdn.tldraw.com'],
      workerSrc: ["'self'", 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
