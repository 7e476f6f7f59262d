/**
 * Where notifications go (issue #8). `log` writes a line (development: nothing leaves the
 * machine); `sms` posts JSON to an HTTP SMS gateway; `email` sends through an SMTP server
 * (nodemailer) to the caseworker's account e-mail (docs/DECISIONS.md D22).
 */
import { createTransport } from 'nodemailer';
import type { Logger } from '../../logger.js';

export interface OutgoingMessage {
  /** The notification's id: sent to the gateway so it can drop a resend. */
  readonly id: string;
  readonly to: string;
  readonly text: string;
}

export interface NotificationChannel {
  readonly name: 'log' | 'sms' | 'email';
  /** What a recipient must have for this channel: decided when the notification is recorded. */
  readonly address: NotifyBy;
  send(message: OutgoingMessage): Promise<void>;
}

/** A phone number (log, sms) or an e-mail address (email). */
export type NotifyBy = 'phone' | 'email';

/** The gateway refused the message for good (e.g. a bad number): retrying will not help. */
export class PermanentSendError extends Error {}

export function logChannel(log: Logger): NotificationChannel {
  return {
    name: 'log',
    address: 'phone',
    async send(m) {
      log.info({ notificationId: m.id, to: m.to, text: m.text }, 'notification (log channel)');
    },
  };
}

/**
 * POST {url} with `{ id, to, text }` and `Authorization: Bearer <token>`. 2xx = accepted; 4xx
 * other than 408 and 429 = refused for good; anything else (5xx, timeout, no connection) is
 * retried by the queue.
 */
export function smsChannel(options: { url: string; token: string; timeoutMs: number }): NotificationChannel {
  return {
    name: 'sms',
    address: 'phone',
    async send(m) {
      let res: Response;
      try {
        res = await fetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ id: m.id, to: m.to, text: m.text }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (err) {
        throw new Error(`SMS gateway unreachable: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      const message = `SMS gateway answered ${res.status}${detail ? `: ${detail}` : ''}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentSendError(message);
      throw new Error(message);
    },
  };
}

/**
 * Sends through SMTP (`smtp://user:pass@host:587` with STARTTLS when offered, `smtps://` for TLS
 * from the start). The text is the SMS text (Polish, what the resident or caseworker reads), with
 * one English line for a reader who does not read Polish. Any SMTP refusal or a connection
 * failure throws a plain Error: the queue retries, and gives up after NOTIFY_SEND_ATTEMPTS (a 5xx
 * for a bad address is not told apart: the caseworker addresses come from the centre's own
 * accounts, and a few extra attempts cost nothing). `transport` lets a test add nodemailer options.
 */
export function emailChannel(options: { url: string; from: string; timeoutMs: number; transport?: Record<string, unknown> }): NotificationChannel {
  const transporter = createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    ...options.transport,
  } as Parameters<typeof createTransport>[0]);
  return {
    name: 'email',
    address: 'email',
    async send(m) {
      try {
        await transporter.sendMail({
          from: options.from,
          to: m.to,
          subject: 'Godzina odbioru na przejazd / Pickup time for a ride',
          text: `${m.text}\n\n(EN) Pickup window for a ride of the transport service, see above.\n`,
          headers: { 'X-Dowoz-Notification-Id': m.id },
        });
      } catch (err) {
        throw new Error(`SMTP send failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
