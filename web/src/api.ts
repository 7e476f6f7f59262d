/**
 * The JSON API under /api/v1. The browser is signed in by an HTTP-only session cookie; every
 * change also carries the session's CSRF token (issue #7). A 401 means the session ended: the app
 * shows the login page again.
 */
import { lang } from './i18n.js';
import type { ImportReport } from '../../src/domain/import/import-report.js';

export type { ImportReport, RowRejection } from '../../src/domain/import/import-report.js';

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

// The session's CSRF token: from the login answer or GET /auth/me; kept for this tab only.
const CSRF_KEY = 'dowoz.csrf';
export const setCsrfToken = (token: string | null): void => {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
};

export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const csrf = sessionStorage.getItem(CSRF_KEY);
  return { Accept: 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...extra };
}

/** Fired on window when the server answers 401: the session is over. */
export const SIGNED_OUT_EVENT = 'dowoz:signed-out';

export const apiUrl = (path: string): string => `/api/v1${path}`;

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(apiUrl(path), {
    method,
    headers: apiHeaders(body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string; messageEn?: string; fields?: FieldError[] } } | null;
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!res.ok) {
    const e = json?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? `HTTP ${res.status}`, e?.messageEn, e?.fields ?? []);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
};

/**
 * Downloads a file the API makes (CSV, PDF). Fetched with the page's headers, then saved through
 * a temporary object URL, since a plain link cannot carry them.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await fetch(apiUrl(path), { headers: apiHeaders({ Accept: '*/*' }) });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string; messageEn?: string } } | null;
    const e = json?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? `HTTP ${res.status}`, e?.messageEn, []);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a file as the raw request body, as the import endpoints read it (not a multipart form),
 * and returns their report. A 400 that carries a report is an answer, not a failure: it lists
 * the rows that kept the whole file out. Any other error throws ApiError as the calls above do.
 */
export async function uploadImport(path: string, file: Blob, contentType: string): Promise<ImportReport> {
  const res = await fetch(apiUrl(path), { method: 'POST', headers: apiHeaders({ 'Content-Type': contentType }), body: file });
  const json = (await res.json().catch(() => null)) as (Partial<ImportReport> & { error?: { code: string; message: string; messageEn?: string; fields?: FieldError[] } }) | null;
  if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if ((res.ok || res.status === 400) && typeof json?.read === 'number') return json as ImportReport;
  const e = json?.error;
  throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? `HTTP ${res.status}`, e?.messageEn, e?.fields ?? []);
}

export const printablePath = (date: string, vehicleId: string): string => `/manifests/${date}/${vehicleId}?format=html`;

/** Opens the printable manifest in a new tab; the session cookie goes along with the link. */
export async function openPrintable(path: string): Promise<void> {
  window.open(apiUrl(path), '_blank', 'noopener');
}
