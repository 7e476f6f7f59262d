/**
 * What a client is told about a pickup, pure (issue #8): the window around the planned pickup,
 * who receives it and the text. The window's centre is rounded to 5 minutes (a tidy "08:55–09:25");
 * a new message goes only when the pickup leaves the window told (keepsToldWindow).
 */
import { formatMinutes } from '../common/time.js';

export interface PickupWindow {
  readonly fromMin: number;
  readonly toMin: number;
}

/** The planned pickup (seconds after midnight) ± the organisation's tolerance, in whole minutes. */
export function pickupWindowOf(serviceStartSec: number, toleranceMin: number): PickupWindow {
  const centre = Math.round(serviceStartSec / 60 / 5) * 5;
  return { fromMin: Math.max(0, centre - toleranceMin), toMin: Math.min(24 * 60 - 1, centre + toleranceMin) };
}

/**
 * Whether a planned pickup still keeps the window the client was told. The client is ready for the
 * whole window, so a pickup that moves inside it needs no message (one moved by 4 minutes used to
 * send "ZMIANA" every time); only leaving it does.
 */
export function keepsToldWindow(told: PickupWindow, serviceStartSec: number): boolean {
  return serviceStartSec >= told.fromMin * 60 && serviceStartSec <= told.toMin * 60;
}

export type RecipientKind = 'CLIENT' | 'CASEWORKER';

/**
 * By phone (log, sms): the client's own phone first; else the caseworker's; else nobody (the
 * dispatcher calls). By e-mail: clients have no e-mail in the register, so the caseworker's
 * account e-mail (the client's caseworkerUserId), else nobody.
 */
export function recipientOf(
  client: { phone: string | null; caseworkerPhone: string | null; caseworkerEmail?: string | null | undefined },
  by: 'phone' | 'email' = 'phone',
): { kind: RecipientKind; address: string | null } {
  if (by === 'email') return client.caseworkerEmail ? { kind: 'CASEWORKER', address: client.caseworkerEmail } : { kind: 'CLIENT', address: null };
  if (client.phone) return { kind: 'CLIENT', address: client.phone };
  if (client.caseworkerPhone) return { kind: 'CASEWORKER', address: client.caseworkerPhone };
  return { kind: 'CLIENT', address: null };
}

/** "2026-03-05" → "05.03". */
function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

/**
 * The SMS text, Polish only (it goes to residents of a Polish gmina), short enough for one or two
 * messages. A caseworker is told whose ride it is.
 */
export function pickupText(p: {
  kind: 'EVENING_BEFORE' | 'PICKUP_CHANGED';
  organisationName: string;
  date: string;
  window: PickupWindow;
  clientName: string;
  recipientKind: RecipientKind;
  fromAddress: string;
}): string {
  const lead = p.kind === 'PICKUP_CHANGED' ? 'ZMIANA godziny odbioru' : 'Przypomnienie o przejeździe';
  const whose = p.recipientKind === 'CASEWORKER' ? ` (podopieczny: ${p.clientName})` : '';
  return `${p.organisationName}: ${lead}${whose}. ${dayMonth(p.date)} odbiór między ${formatMinutes(p.window.fromMin)} a ${formatMinutes(p.window.toMin)}, ${p.fromAddress}.`;
}
