/**
 * The one error shape of the contract, the same over IPC and HTTP:
 * `{code, message, path?}` with `message` already in the caller's language.
 */
import type { MessageKey } from '../i18n/messages';

export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  /** A body that is not JSON, or is compressed: the API takes `application/json` only. */
  'unsupported',
  'internal',
  /** The console cannot take changes now (its database failed the integrity check). */
  'unavailable',
  /**
   * The disk under the data folder is full (SQLite's SQLITE_FULL, or ENOSPC writing a file): the
   * change was not made; it works again, without a restart, once space is freed.
   */
  'disk_full',
  /** Too many sign-in or pairing tries from one device or address: wait and try again (issue 15). */
  'too_many',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each error code travels with. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  internal: 500,
  unavailable: 503,
  // 507 Insufficient Storage (RFC 4918): the server cannot store what the request needs.
  disk_full: 507,
  too_many: 429,
};

/** The error every method answers with (a plain type: the console's first screen evaluates no zod for it). */
export interface ApiError {
  code: ErrorCode;
  message: string;
  path?: (string | number)[];
  /** Extra facts a client can act on, e.g. the id of the existing record in a conflict. */
  details?: Record<string, unknown>;
}

/**
 * Thrown by services: a code, a message key of the catalogue and its parameters. The dispatcher
 * translates it into the caller's language; nothing else about the exception leaves the process.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
  readonly path: (string | number)[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** When true, the writes made before the error are kept (a failed PIN attempt is recorded). */
  readonly keepWrites: boolean;

  constructor(
    code: ErrorCode,
    messageKey: MessageKey,
    options: {
      params?: Record<string, string | number>;
      path?: (string | number)[];
      details?: Record<string, unknown>;
      keepWrites?: boolean;
    } = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.path = options.path;
    this.details = options.details;
    this.keepWrites = options.keepWrites ?? false;
  }
}

/** An error as a client receives it; thrown by the renderer's client so components can show it. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly path: (string | number)[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.path = error.path;
    this.details = error.details;
  }
}
