/**
 * The e-mail notification channel (issue #8, D22): recorded with NOTIFY_CHANNEL=email the
 * recipient is the caseworker's account e-mail (clients have no e-mail), sent through a real SMTP
 * conversation with nodemailer, and retried by the queue when the server refuses for now (451).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Redis } from 'ioredis';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { waitFor } from '../helpers/wait-for.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { createRedis } from '../../src/queue/connection.js';
import { createNotificationQueue, enqueueNotifications, type NotificationQueue } from '../../src/queue/notification-queue.js';
import { emailChannel } from '../../src/domain/notification/channels.js';
import { notifyPickupChanged } from '../../src/domain/notification/notify.js';
import { sendNotification } from '../../src/domain/notification/send-notification.js';
import { createNotificationWorker } from '../../workers/notification.worker.js';
import { createLogger } from '../../src/logger.js';

const NOW = new Date('2026-11-23T17:00:00Z');
const DATE = '2026-11-24';

/**
 * Just enough SMTP (RFC 5321) for nodemailer without TLS or AUTH: records each accepted message;
 * `dataScript` holds the replies to the next messages' final "." (then 250).
 */
interface SmtpServer {
  port: number;
  messages: { from: string; to: string[]; data: string }[];
  dataScript: string[];
  close(): Promise<void>;
}
async function startSmtp(): Promise<SmtpServer> {
  const s: Omit<SmtpServer, 'port' | 'close'> = { messages: [], dataScript: [] };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    let data: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.local ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line !== '.') {
            data.push(line.startsWith('..') ? line.slice(1) : line);
            continue;
          }
          inData = false;
          const answer = s.dataScript.shift() ?? '250 2.0.0 queued';
          if (answer.startsWith('250')) s.messages.push({ from, to, data: data.join('\r\n') });
          reply(answer);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test.local');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          data = [];
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    ...s,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((r) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => r());
      }),
  } as SmtpServer;
}

/** The text part of a message as the reader sees it (nodemailer sends Polish as quoted-printable). */
function bodyText(data: string): string {
  const body = data.slice(data.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=' && /^[0-9A-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

let t: TestContext;
let osrm: FakeOsrm;
let smtp: SmtpServer;
let connection: Redis;
let queue: NotificationQueue;
let notifier: ReturnType<typeof createNotificationWorker>;
let channel: ReturnType<typeof emailChannel>;

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
  osrm = await startFakeOsrm({ dataVersion: 'e1' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  smtp = await startSmtp();
  connection = createRedis(inject('redisUrl'), 'worker');
  // Three attempts, 50 ms apart: the test sees the retry without production back-off.
  queue = createNotificationQueue(t.redis, t.prefix, 3, 50);
  // No STARTTLS, no AUTH: the test server speaks plain SMTP (production URLs carry credentials).
  channel = emailChannel({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'dowoz@gops.test', timeoutMs: 3000, transport: { ignoreTLS: true, secure: false } });
  notifier = createNotificationWorker({ db: t.db, connection, prefix: t.prefix, log: createLogger('silent'), channel, now: () => NOW });
});
afterAll(async () => {
  await notifier.close();
  await queue.close();
  connection.disconnect();
  await smtp.close();
  await osrm.close();
  await t.close();
});

describe('e-mail notifications', () => {
  it('e-mails the caseworker the pickup window; no caseworker account, no recipient; a 451 is retried, not SENT', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    const email = `anna.${org.slug.slice(-6)}@gops.test`;
    const user = await api.post('/users', { login: `anna.${org.slug.slice(-6)}`, displayName: 'Anna Opiekun', password: 'haslo-do-testu-1', roles: ['CASEWORKER'], email });
    expect(user.status).toBe(201);
    const helenaNow = (await api.get(`/clients/${c.helena}`)).body;
    expect((await api.patch(`/clients/${c.helena}`, { caseworkerUserId: user.body.id, version: helenaNow.version })).status).toBe(200);
    const helena = (await api.post('/rides', { date: DATE, clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' })).body.outbound.id;
    // Jan has a phone but no caseworker account: by e-mail nobody can be told.
    const jan = (await api.post('/rides', { date: DATE, clientId: c.jan, toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound.id;
    expect((await planAndWait(api, DATE)).status).toBe('DONE');

    await notifyPickupChanged({ db: t.db, now: () => NOW, notifyBy: 'email' }, { organisationId: org.id, actor: 'test' }, [helena, jan]);
    const rows = await t.db.notification.findMany({ where: { organisationId: org.id } });
    expect(rows).toHaveLength(2);
    const toHelena = rows.find((r) => r.rideId === helena)!;
    expect(toHelena).toMatchObject({ recipientKind: 'CASEWORKER', recipient: email, status: 'PENDING' });
    expect(rows.find((r) => r.rideId === jan)).toMatchObject({ recipient: null, status: 'NO_RECIPIENT' });

    // The server refuses for now (451 after the message): the row stays PENDING with why, and the
    // error is thrown so the queue retries.
    smtp.dataScript.push('451 4.3.0 try again later');
    await expect(sendNotification({ db: t.db, now: () => NOW }, channel, toHelena.id, false)).rejects.toThrow(/451/);
    const refused = await t.db.notification.findUniqueOrThrow({ where: { id: toHelena.id } });
    expect(refused).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });
    expect(refused.lastError).toContain('451');
    expect(smtp.messages).toHaveLength(0);

    // Through the queue: one more 451, then the retry is accepted.
    smtp.dataScript.push('451 4.3.0 try again later');
    await enqueueNotifications(queue, [toHelena.id]);
    const sent = await waitFor(async () => {
      const n = await t.db.notification.findUniqueOrThrow({ where: { id: toHelena.id } });
      return n.status === 'PENDING' ? null : n;
    }, 15_000);
    expect(sent).toMatchObject({ status: 'SENT', channel: 'email', attempts: 3, lastError: null });
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.from).toBe('dowoz@gops.test');
    expect(message.to).toEqual([email]);
    expect(message.data).toMatch(/^To: anna\./m);
    expect(message.data.toLowerCase()).toContain(`x-dowoz-notification-id: ${toHelena.id}`);
    const text = bodyText(message.data);
    expect(text).toContain(toHelena.text);
    expect(text).toContain('podopieczny: Helena');
    expect(text).toMatch(/24\.11 odbiór między \d\d:\d\d a \d\d:\d\d/);
    expect(text).toContain('(EN) Pickup window');
  });
});
