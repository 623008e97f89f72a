import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Prometheus metrics of one server instance; a registry per instance so tests can run several. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'stip_' })
  const registers = [registry]
  return {
    registry,
    roomsOpen: new Gauge({ name: 'stip_rooms_open', help: 'Boards loaded in memory', registers }),
    connections: new Gauge({
      name: 'stip_connections',
      help: 'Open websocket connections',
      registers,
    }),
    messagesIn: new Counter({
      name: 'stip_messages_in_total',
      help: 'Websocket frames received',
      registers,
    }),
    messagesOut: new Counter({
      name: 'stip_messages_out_total',
      help: 'Websocket frames sent',
      registers,
    }),
    bytesIn: new Counter({ name: 'stip_bytes_in_total', help: 'Bytes received', registers }),
    bytesOut: new Counter({ name: 'stip_bytes_out_total', help: 'Bytes sent', registers }),
    connectionsClosed: new Counter({
      name: 'stip_connections_closed_total',
      help: 'Connections closed by the server, by close code',
      labelNames: ['code'] as const,
      registers,
    }),
    storeWriteSeconds: new Histogram({
      name: 'stip_store_write_seconds',
      help: 'Latency of one group-commit write to the store',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    storeWriteUpdates: new Counter({
      name: 'stip_store_updates_written_total',
      help: 'Yjs updates appended to the store',
      registers,
    }),
    backplaneMessagesIn: new Counter({
      name: 'stip_backplane_messages_in_total',
      help: 'Messages received from other instances',
      registers,
    }),
    backplaneMessagesOut: new Counter({
      name: 'stip_backplane_messages_out_total',
      help: 'Messages published to other instances',
      registers,
    }),
    backplaneBytesIn: new Counter({
      name: 'stip_backplane_bytes_in_total',
      help: 'Bytes received from other instances',
      registers,
    }),
    backplaneBytesOut: new Counter({
      name: 'stip_backplane_bytes_out_total',
      help: 'Bytes published to other instances',
      registers,
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
