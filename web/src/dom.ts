/** A tiny element builder: h('p', { class: 'x' }, 'text', child). Attributes set as given; on* props as listeners. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

// The pure Warsaw-time helpers live in time.ts (unit-tested in Node, no DOM); re-exported for the views.
export { toMinutes, warsawDate } from './time.js';

/** The current time of day in Warsaw, HH:MM (compared with the API's service-day times). */
export function warsawTime(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
}

/** A phone number as a tel: link (digits and +; spaces and dashes dropped). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
