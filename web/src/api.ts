/**
 * The JSON API under /api/v1, for one organisation. Until accounts arrive (issue #7) the
 * organisation is the installation's default, or the slug given once as ?org=… (remembered).
 */
import { lang } from './i18n.js';

export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly messageEn?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string | undefined,
    readonly fields: readonly FieldError[],
  ) {
    super(message);
  }

  /** The message in the page's language. */
  text(): string {
    return lang() === 'en' && this.messageEn ? this.messageEn : this.message;
  }
}

const ORG_KEY = 'dowoz.org';
const fromUrl = new URLSearchParams(location.search).get('org');
if (fromUrl) localStorage.setItem(ORG_KEY, fromUrl);

export const organisation = (): string | null => localStorage.getItem(ORG_KEY);

export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const org = organisation();
  return { Accept: 'application/json', ...(org ? { 'X-Organisation': org } : {}), ...extra };
}

export const apiUrl = (path: string): string => `/api/v1${path}`;

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(apiUrl(path), {
    method,
    headers: apiHeaders(body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string; messageEn?: string; fields?: FieldError[] } } | null;
  if (!res.ok) {
    const e = json?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? `HTTP ${res.status}`, e?.messageEn, e?.fields ?? []);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
};

export const printablePath = (date: string, vehicleId: string): string => `/manifests/${date}/${vehicleId}?format=html`;

/**
 * Opens the printable manifest. A plain link cannot carry the organisation header, so with a
 * chosen organisation the page fetches the HTML itself and shows it in a new tab.
 */
export async function openPrintable(path: string): Promise<void> {
  if (!organisation()) {
    window.open(apiUrl(path), '_blank', 'noopener');
    return;
  }
  const tab = window.open('', '_blank');
  const res = await fetch(apiUrl(path), { headers: apiHeaders({ Accept: 'text/html' }) });
  const html = await res.text();
  if (tab) {
    tab.document.open();
    tab.document.write(html);
    tab.document.close();
  }
}
