import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A refusal the caller caused and is told about: its message is written for them, and `reason`
 * names it for code (the action pipeline and the HTTP routes map these; anything else is a bug).
 */
export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

/** A row that does not exist, or belongs to another organisation: callers cannot tell which. */
export class NotFoundError extends ExpectedError {
  constructor(readonly what = "Record") {
    super(`${what} not found`, "not_found");
    this.name = "NotFoundError";
  }
}

/** Input the database or the clock refuses; `field` names the form field to put the message on. */
export class FieldError extends ExpectedError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, "invalid");
    this.name = "FieldError";
  }
}

/** A unique value already taken. */
export class DuplicateError extends FieldError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = "DuplicateError";
  }
}

/**
 * A request that would duplicate a record still in use (a second open interview for the same
 * candidate and job): refused, naming that record (`existingId`) so the page can link to it.
 */
export class ConflictError extends ExpectedError {
  constructor(
    message: string,
    readonly existingId: string,
  ) {
    super(message, "conflict");
    this.name = "ConflictError";
  }
}

/** A change the record's current state does not allow (e.g. rescheduling a cancelled interview). */
export class StateError extends ExpectedError {
  constructor(message: string) {
    super(message, "state");
    this.name = "StateError";
  }
}

/** True for a unique-constraint violation, from PostgreSQL (P2002) or PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  // pglite-prisma-adapter passes PostgreSQL errors through unmapped (kind "postgres"), so Prisma
  // throws its DriverAdapterError instead of P2002; SQLSTATE 23505 is the unique violation.
  const cause = (error as { cause?: { kind?: unknown; code?: unknown } } | null)?.cause;
  return error instanceof Error && error.name === "DriverAdapterError" && cause?.kind === "postgres" && cause.code === "23505";
}
