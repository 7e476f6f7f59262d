/**
 * The driver's reports waiting to be sent. A tap is written to localStorage first (with its
 * clientEventId, made once), then sent; only the server's answer takes it out. So a report made
 * without signal, or before the phone reloads the page, is sent when the connection is back, and
 * a resend after a lost answer is stored once (the server keys reports by clientEventId).
 */
import { api, ApiError } from './api.js';

export type ReportKind = 'ARRIVED' | 'PICKED_UP' | 'DROPPED_OFF' | 'NO_SHOW' | 'DELAYED';

export interface QueuedReport {
  readonly clientEventId: string;
  readonly date: string;
  readonly vehicleId: string;
  readonly sequence: number;
  readonly rideId: string;
  readonly kind: ReportKind;
  /** When it happened on the phone (ISO): the server keeps this time, not the time it arrived. */
  readonly at: string;
  readonly note?: string;
  /** A DELAYED report: how many minutes late the driver expects to be (moves the estimates on). */
  readonly delayMin?: number;
  /** Why the last try did not get through (no network, server busy, signed out), for the driver. */
  readonly lastError?: string;
}

/** A report the server refused (e.g. out of order): kept and shown, not silently dropped. */
export interface RefusedReport extends QueuedReport {
  readonly message: string;
  readonly messageEn?: string | undefined;
}

const QUEUE_KEY = 'dowoz.outbox';
const REFUSED_KEY = 'dowoz.outbox.refused';

function read<T>(key: string): T[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
const write = (key: string, items: readonly unknown[]) => localStorage.setItem(key, JSON.stringify(items));

export const queued = (): QueuedReport[] => read<QueuedReport>(QUEUE_KEY);
export const refused = (): RefusedReport[] => read<RefusedReport>(REFUSED_KEY);
export const dismissRefused = (clientEventId: string) => write(REFUSED_KEY, refused().filter((r) => r.clientEventId !== clientEventId));

/** A random uuid; crypto.randomUUID needs a secure context, which a phone on plain http is not. */
export function newEventId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export function enqueue(report: Omit<QueuedReport, 'clientEventId' | 'at'>): QueuedReport {
  const item: QueuedReport = { ...report, clientEventId: newEventId(), at: new Date().toISOString() };
  write(QUEUE_KEY, [...queued(), item]);
  changed();
  return item;
}

const listeners = new Set<() => void>();
/** Told after every change of the queue (sent, refused, added). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

let flushing: Promise<void> | null = null;

/**
 * Sends the queued reports in the order they were made, stopping at the first that cannot get
 * through (no network, server down): the order of a stop's reports matters. One run at a time;
 * a report added meanwhile is picked up by the running one.
 */
export function flush(): Promise<void> {
  // Reset in a later microtask, after the assignment (a run with nothing to send ends at once).
  flushing ??= sendAll().finally(() => {
    flushing = null;
    changed();
  });
  return flushing;
}

async function sendAll(): Promise<void> {
  for (;;) {
    const next = queued()[0];
    if (!next) return;
    try {
      await api.post(`/manifests/${next.date}/${next.vehicleId}/stops/${next.sequence}/events`, {
        kind: next.kind,
        clientEventId: next.clientEventId,
        at: next.at,
        ...(next.note ? { note: next.note } : {}),
        ...(next.delayMin ? { delayMin: next.delayMin } : {}),
      });
    } catch (err) {
      // 4xx: the server read it and said no; keep it visible for the driver. Else: try later.
      if (!(err instanceof ApiError) || err.status >= 500 || err.status === 401 || err.status === 403 || err.status === 429) {
        // No network needs no words beyond "offline"; a server's answer is worth showing.
        const lastError = err instanceof ApiError ? err.text() : undefined;
        write(QUEUE_KEY, queued().map((q) => (q.clientEventId === next.clientEventId ? { ...q, lastError } : q)));
        return;
      }
      write(REFUSED_KEY, [...refused(), { ...next, message: err.message, messageEn: err.messageEn }]);
    }
    write(QUEUE_KEY, queued().filter((q) => q.clientEventId !== next.clientEventId));
    changed();
  }
}

let started = false;
/** Sends when the phone says it is online again, and retries every 20 s while reports wait. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush());
  setInterval(() => {
    if (queued().length && navigator.onLine) void flush();
  }, 20_000);
  void flush();
}
