/**
 * Codes OSRM v5 puts in the `code` field of an error body (docs/http.md "Responses" and the
 * service sections). osrm-routed answers all of them with HTTP 400.
 */
export const OSRM_SERVICE_CODES = [
  'InvalidUrl',
  'InvalidService',
  'InvalidVersion',
  'InvalidOptions',
  'InvalidQuery',
  'InvalidValue',
  'NoSegment',
  'TooBig',
  'NoRoute',
  'NoTable',
  'NoMatch',
  'NoTrips',
  'NotImplemented',
] as const;
export type OsrmServiceCode = (typeof OSRM_SERVICE_CODES)[number];

/**
 * Codes for failures that are not an OSRM answer:
 * - `Timeout`: no complete answer within the client's timeout;
 * - `NetworkError`: connection refused or reset;
 * - `ServerError`: HTTP 5xx (a proxy or a crashing osrm-routed);
 * - `HttpError`: any other non-OSRM HTTP failure (e.g. 404 from a wrong base URL);
 * - `InvalidResponse`: the body is not the documented v5 shape.
 */
export type OsrmClientCode = 'Timeout' | 'NetworkError' | 'ServerError' | 'HttpError' | 'InvalidResponse';

/** `Unknown` keeps a code this client does not know; the raw text is in `osrmCode`. */
export type OsrmErrorCode = OsrmServiceCode | OsrmClientCode | 'Unknown';

const RETRYABLE: ReadonlySet<OsrmErrorCode> = new Set<OsrmErrorCode>(['Timeout', 'NetworkError', 'ServerError']);

/** The one error type of src/routing. Branch on `code`; `isRetryable` says whether asking again may help. */
export class OsrmError extends Error {
  override readonly name = 'OsrmError';
  readonly code: OsrmErrorCode;
  /** The `code` string exactly as the server sent it, when it sent one. */
  readonly osrmCode: string | null;
  readonly httpStatus: number | null;

  constructor(
    code: OsrmErrorCode,
    message: string,
    options: { osrmCode?: string | null; httpStatus?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.osrmCode = options.osrmCode ?? null;
    this.httpStatus = options.httpStatus ?? null;
  }

  /** 5xx, network errors and timeouts are operational and may pass; 4xx and OSRM codes will not. */
  get isRetryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export function toOsrmErrorCode(raw: string): OsrmErrorCode {
  return (OSRM_SERVICE_CODES as readonly string[]).includes(raw) ? (raw as OsrmServiceCode) : 'Unknown';
}
