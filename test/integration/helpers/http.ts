/** GET /healthz: status and parsed body. */
export async function getHealth(
  url: string,
): Promise<{ status: number; body: { ok?: boolean; rooms?: number } }> {
  const response = await fetch(`${url}/healthz`)
  return {
    status: response.status,
    body: (await response.json()) as { ok?: boolean; rooms?: number },
  }
}

export async function getMetrics(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`)
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`)
  return response.text()
}

/**
 * The value of one sample in Prometheus text, e.g. metricValue(text, 'stip_connections_closed_total', { code: '4408' });
 * 0 when the sample is absent (counters with labels appear only once incremented).
 */
export function metricValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})?\s+(\S+)/.exec(line)
    if (!match || match[1] !== name) continue
    const found = Object.fromEntries(
      [...(match[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    )
    if (Object.entries(labels).every(([key, value]) => found[key] === value))
      return Number(match[4])
  }
  return 0
}

/** One sample read from a live server's GET /metrics. */
export async function metricOf(
  url: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  return metricValue(await getMetrics(url), name, labels)
}

/** A JSON request to a board endpoint with a link's token, as the browser client sends it. */
export async function boardRequest(
  url: string,
  path: string,
  options: { method?: string; token: string; body?: unknown; participant?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}` }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.participant) headers['stip-participant'] = options.participant
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  }
}
