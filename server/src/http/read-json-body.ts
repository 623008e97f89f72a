import type { Context } from 'hono'

/** The request's JSON body, or undefined when it is not JSON (callers answer 400). */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return undefined
  }
}
