import type pg from 'pg';
import type { LocalbaseConfig } from '../config.ts';
import type { ApiKeys } from '../shared/keys.ts';
import type { PhoenixClient } from './websocket.ts';

/** What the checks share: each layer fills in what the next one needs (config, then a database connection). */
export interface DoctorContext {
  workdir: string;
  appUrl?: string;
  config?: LocalbaseConfig;
  keys?: ApiKeys;
  db?: pg.Client;
  /** The socket the publishable-key handshake opened; the channel and replication checks reuse it, then close it. */
  realtime?: PhoenixClient;
  /** The published table the channel check bound postgres_changes to, if any table is published. */
  realtimeBinding?: string;
}

export const NETWORK_TIMEOUT_MS = 5000;

export function apiUrl(config: LocalbaseConfig): string {
  return `http://127.0.0.1:${config.api.port}`;
}

/** The checks after the gates may assume these are set; a gate failing stops the run before them. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is not available`);
  return value;
}
