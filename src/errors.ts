/**
 * The one error type for expected failures. Codes form a small union; a code is added only when
 * a client has to branch on it. api/error-handler.ts maps codes to HTTP statuses.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'ROUTING_UNAVAILABLE'
  | 'VERSION_CONFLICT'
  | 'MOVE_INFEASIBLE'
  | 'INSERTION_INFEASIBLE'
  | 'INTERNAL';

/** One failing input field: where and why, in Polish first and English second. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly messageEn?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: readonly FieldError[];
  /** English text of the message; `message` is Polish, the users' language. */
  readonly messageEn: string;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { messageEn?: string; fields?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageEn = options.messageEn ?? message;
    this.fields = options.fields ?? [];
  }
}

export function notFound(what: string, whatEn: string): AppError {
  return new AppError('NOT_FOUND', `Nie znaleziono: ${what}`, { messageEn: `Not found: ${whatEn}` });
}

/** Refused input, each field with why: a schema's failures (validate) or checks beyond them (a booking's, a change's). */
export function invalidInput(fields: readonly FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Nieprawidłowe dane', { messageEn: 'Invalid input', fields });
}
