// Typed errors, mapped to HTTP and CLI exit codes in one place each (api/error-handler.ts, cli/main.ts).
// `message` is Russian for people; `code` is stable for programs; `logMessage` is English for logs.

export class SvodkaError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly logMessage: string = message,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input from a user or a file (HTTP 400/422). */
export class ValidationError extends SvodkaError {}
/** An import was rejected; details hold the import report (HTTP 422). */
export class ImportError extends SvodkaError {}
/** Not logged in (HTTP 401). */
export class NotAuthenticated extends SvodkaError {}
/** Logged in, but outside the caller's role or scope (HTTP 403). */
export class AccessDenied extends SvodkaError {}
/** The thing asked for does not exist (HTTP 404). */
export class NotFound extends SvodkaError {}
/** The write conflicts with the state, e.g. a period locked after finals (HTTP 409). */
export class Conflict extends SvodkaError {}
