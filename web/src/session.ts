/**
 * The signed-in account, kept for the tab: a driver's page reloaded without a connection still
 * opens (the outbox sends reports when back online), and views read the roles without asking.
 */
import type { Me } from './views/login.js';

const ME_KEY = 'dowoz.me';

export function keepMe(me: Me): void {
  sessionStorage.setItem(ME_KEY, JSON.stringify(me));
}

export function forgetMe(): void {
  sessionStorage.removeItem(ME_KEY);
}

export function cachedMe(): Me | null {
  const kept = sessionStorage.getItem(ME_KEY);
  return kept ? (JSON.parse(kept) as Me) : null;
}
