/**
 * Sends one recorded notification through a channel. Idempotent: a notification already sent or
 * given up is left alone, so a job run twice sends once (the gateway also gets the id to drop a
 * resend after a crash between sending and recording).
 */
import type { Db } from '../../db/client.js';
import { PermanentSendError, type NotificationChannel } from './channels.js';

export type SendOutcome = 'SENT' | 'FAILED' | 'SKIPPED';

/**
 * `lastAttempt`: the queue will not retry after this one, so a failure is final. A failure that
 * may pass is rethrown for the queue to retry.
 */
export async function sendNotification(
  deps: { db: Db; now: () => Date },
  channel: NotificationChannel,
  id: string,
  lastAttempt: boolean,
): Promise<SendOutcome> {
  const n = await deps.db.notification.findUnique({ where: { id } });
  if (!n || n.status !== 'PENDING' || !n.recipient) return 'SKIPPED';
  try {
    await channel.send({ id: n.id, to: n.recipient, text: n.text });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = lastAttempt || err instanceof PermanentSendError;
    await deps.db.notification.update({
      where: { id },
      data: { attempts: { increment: 1 }, lastError: message.slice(0, 500), ...(final ? { status: 'FAILED', channel: channel.name } : {}) },
    });
    if (final) return 'FAILED';
    throw err;
  }
  await deps.db.notification.update({
    where: { id },
    data: { status: 'SENT', channel: channel.name, sentAt: deps.now(), attempts: { increment: 1 }, lastError: null },
  });
  return 'SENT';
}

/** Notifications waiting in the outbox, oldest first. */
export async function pendingNotificationIds(db: Db, limit = 200): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' }, take: limit, select: { id: true } });
  return rows.map((r) => r.id);
}
