/**
 * The drivers' manifests as a PDF (issue #6): it parses, has a page per vehicle with rides, and
 * carries the passengers' names with their Polish letters (the embedded DejaVu font).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date('2026-11-23T09:00:00Z') });
  osrm = await startFakeOsrm();
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

async function pdfText(bytes: Buffer): Promise<{ pages: string[]; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { pages: result.pages.map((p) => p.text), text: result.text };
  } finally {
    await parser.destroy();
  }
}

describe('manifests as PDF', () => {
  it('gives one page per vehicle with rides, with every passenger’s name, and one vehicle alone on request', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    for (const b of [
      { clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '08:30' },
      { clientId: c.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: c.irena, toPlaceId: day.healthId, arriveBy: '08:30' },
      { clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: c.helena, toPlaceId: day.healthId, departAfter: '12:00' },
    ]) expect((await api.post('/rides', { date: DATE, ...b })).status).toBe(201);

    // No plan yet: a clear 404, no empty PDF.
    expect((await api.get(`/manifests/${DATE}/pdf`)).status).toBe(404);

    const plan = await planAndWait(api, DATE);
    // Publication arrives with the live plan (contract §2); where it exists, publish first.
    await api.post(`/plans/${plan.id}/publish`, {});
    const used = (plan.routes as { vehicle: { id: string; name: string }; stops: { client: { name: string } }[] }[]).filter((r) => r.stops.length);
    expect(used.length).toBeGreaterThan(0);

    const all = await api.get(`/manifests/${DATE}/pdf`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('application/pdf');
    expect(all.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages } = await pdfText(all.bytes);
    expect(pages.length).toBe(used.length);
    // PDF text extraction may break lines anywhere; compare without whitespace.
    const flat = pages.map((p) => p.replace(/\s+/g, ''));
    for (const route of used) {
      const mine = flat.filter((p) => p.startsWith(`Kartadrogowa—${route.vehicle.name}`.replace(/\s+/g, '')));
      expect(mine).toHaveLength(1);
      for (const s of route.stops) expect(mine[0]).toContain(s.client.name.replace(/\s+/g, ''));
    }
    const names = used.flatMap((r) => r.stops.map((s) => s.client.name));
    expect(names).toEqual(expect.arrayContaining(['Józef Zieliński', 'Irena Szymańska']));

    const one = await api.get(`/manifests/${DATE}/pdf?vehicleId=${used[0]!.vehicle.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-disposition')).toContain('.pdf');
    const single = await pdfText(one.bytes);
    expect(single.pages.length).toBe(1);
    expect(single.text.replace(/\s+/g, '')).toContain(used[0]!.stops[0]!.client.name.replace(/\s+/g, ''));

    expect((await api.get(`/manifests/${DATE}/pdf?vehicleId=nie-ma`)).status).toBe(400);
  }, 90_000);
});
