/**
 * The driver's outbox (web/src/outbox.ts, D20) in Node with the browser's storage and fetch
 * stood in for: reports go in tap order, wait while the network is down, survive a "reload"
 * (a fresh module over the same storage), and a refused one is kept with its reason.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

class MemoryStorage {
  private readonly m = new Map<string, string>();
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
}

interface Sent { url: string; body: { kind: string; clientEventId: string; at: string; delayMin?: number } }
let sent: Sent[];
/** What the fake server does with the next request: answer with a status, or fail as with no network. */
let serverAnswer: (body: Sent['body']) => number | 'offline';

interface Queued { readonly clientEventId: string; readonly kind: string; readonly sequence: number; readonly at: string }
/** The part of web/src/outbox.ts used here. */
interface Outbox {
  enqueue(r: { date: string; vehicleId: string; rideId: string; sequence: number; kind: string; delayMin?: number }): Queued;
  flush(): Promise<void>;
  queued(): Queued[];
  refused(): (Queued & { message: string; messageEn?: string })[];
  dismissRefused(clientEventId: string): void;
}
// Loaded by a path the type checker does not follow: the web app is checked with DOM types by
// its own tsconfig, which this (Node) program does not have.
const OUTBOX = '../../web/src/outbox.js';

async function freshOutbox(): Promise<Outbox> {
  vi.resetModules();
  return (await import(/* @vite-ignore */ OUTBOX)) as Outbox;
}

beforeEach(() => {
  sent = [];
  serverAnswer = () => 201;
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('window', { addEventListener: () => undefined, dispatchEvent: () => true });
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as Sent['body'];
    const answer = serverAnswer(body);
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    sent.push({ url, body });
    const error = answer >= 400 ? { error: { code: 'CONFLICT', message: 'Klient został już odebrany', messageEn: 'Already picked up' } } : { replayed: false };
    return new Response(JSON.stringify(error), { status: answer, headers: { 'Content-Type': 'application/json' } });
  });
});

const where = { date: '2026-11-24', vehicleId: '7b0c7f8e-3f43-4d6e-9a53-1c7d0f0b8a11', rideId: '1a2b3c4d-0000-4000-8000-000000000001' };

describe('the driver’s outbox', () => {
  it('keeps reports made without network, in order, across a reload, and sends each once when back', async () => {
    let outbox = await freshOutbox();
    serverAnswer = () => 'offline';
    const a = outbox.enqueue({ ...where, sequence: 1, kind: 'ARRIVED' });
    await outbox.flush();
    const b = outbox.enqueue({ ...where, sequence: 1, kind: 'PICKED_UP' });
    await outbox.flush();
    expect(sent).toEqual([]);
    expect(outbox.queued().map((q) => [q.kind, q.clientEventId])).toEqual([['ARRIVED', a.clientEventId], ['PICKED_UP', b.clientEventId]]);
    expect(a.clientEventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The page is loaded again (same storage), with the network back.
    outbox = await freshOutbox();
    serverAnswer = () => 201;
    await outbox.flush();
    expect(sent.map((s) => [s.url, s.body.kind, s.body.clientEventId, s.body.at])).toEqual([
      ['/api/v1/manifests/2026-11-24/7b0c7f8e-3f43-4d6e-9a53-1c7d0f0b8a11/stops/1/events', 'ARRIVED', a.clientEventId, a.at],
      ['/api/v1/manifests/2026-11-24/7b0c7f8e-3f43-4d6e-9a53-1c7d0f0b8a11/stops/1/events', 'PICKED_UP', b.clientEventId, b.at],
    ]);
    expect(outbox.queued()).toEqual([]);
    await outbox.flush();
    expect(sent).toHaveLength(2);
  });

  it('stops at a server error and keeps the order; a refused report is kept with its reason, not lost', async () => {
    const outbox = await freshOutbox();
    serverAnswer = () => 503;
    outbox.enqueue({ ...where, sequence: 2, kind: 'NO_SHOW' });
    outbox.enqueue({ ...where, sequence: 3, kind: 'ARRIVED' });
    await outbox.flush();
    expect(sent.map((s) => s.body.kind)).toEqual(['NO_SHOW']);
    expect(outbox.queued().map((q) => q.kind)).toEqual(['NO_SHOW', 'ARRIVED']);

    serverAnswer = (body) => (body.kind === 'NO_SHOW' ? 409 : 201);
    await outbox.flush();
    expect(outbox.queued()).toEqual([]);
    expect(outbox.refused().map((r) => [r.kind, r.sequence, r.message, r.messageEn])).toEqual([['NO_SHOW', 2, 'Klient został już odebrany', 'Already picked up']]);
    expect(sent.map((s) => s.body.kind)).toEqual(['NO_SHOW', 'NO_SHOW', 'ARRIVED']);
    outbox.dismissRefused(outbox.refused()[0]!.clientEventId);
    expect(outbox.refused()).toEqual([]);
  });

  it('sends two delays at one stop as two reports, in order, and resends one whose answer was lost under its own id (D62)', async () => {
    const outbox = await freshOutbox();
    serverAnswer = () => 'offline';
    const worse = outbox.enqueue({ ...where, sequence: 2, kind: 'DELAYED', delayMin: 15 });
    const worst = outbox.enqueue({ ...where, sequence: 2, kind: 'DELAYED', delayMin: 40 });
    await outbox.flush();
    expect(worse.clientEventId).not.toBe(worst.clientEventId);

    // Back online: the server stores each report by its id; the answer to the second is lost.
    const stored = new Map<string, number | undefined>();
    let lose = 1;
    serverAnswer = (body) => {
      stored.set(body.clientEventId, body.delayMin);
      return body.clientEventId === worst.clientEventId && lose-- > 0 ? 'offline' : 201;
    };
    await outbox.flush();
    expect(outbox.queued().map((q) => q.clientEventId)).toEqual([worst.clientEventId]);
    await outbox.flush();
    expect(outbox.queued()).toEqual([]);
    // Two reports, both kept, the later one last: the server's newest is the driver's newest.
    expect([...stored]).toEqual([[worse.clientEventId, 15], [worst.clientEventId, 40]]);
    expect(sent.map((x) => [x.body.kind, x.body.delayMin, x.body.clientEventId])).toEqual([['DELAYED', 15, worse.clientEventId], ['DELAYED', 40, worst.clientEventId]]);
  });
});
