import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireMember, type Member } from "@/lib/accounts/auth";
import { atLeast } from "@/lib/accounts/roles";
import { Role } from "@/lib/generated/prisma/enums";
import { ConflictError, ExpectedError, FieldError, NotFoundError } from "@/lib/errors";
import { recordId, withoutNul } from "@/lib/fields";
import { fieldErrorsFrom, type FormState } from "@/lib/form-state";
import { candidateAccessForAction } from "@/lib/http/candidate";
import type { Access } from "@/lib/interviews/candidate/access";

// The one pipeline every server action runs through: who may call it, a schema for every
// argument, the call into lib/, and one mapping of what went wrong to what the caller sees.
// Actions are public HTTP endpoints (anyone can POST any arguments to them), so nothing here
// trusts the page that would normally call them.

/**
 * Who may call an action: anyone, any signed-in member (their own account, or what
 * lib/ scopes to them, such as a reviewer's interviews), a member of at least that role
 * (lib/accounts/roles.ts), or whoever holds an interview's key.
 */
export type Caller = "anyone" | "member" | "recruiter" | "admin" | "owner" | "candidate";
type MemberCaller = "member" | "recruiter" | "admin" | "owner";

const LEAST_ROLE: Record<Exclude<MemberCaller, "member">, Role> = { recruiter: Role.RECRUITER, admin: Role.ADMIN, owner: Role.OWNER };

type Context<C extends Caller> = C extends MemberCaller ? { member: Member } : C extends "candidate" ? { access: Exclude<Access, { state: "invalid" }> } : object;

/** What went wrong, in words for the caller; `reason` names it for code. */
export interface Refusal {
  reason: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** The record a ConflictError names. */
  existingId?: string;
}

/** How an action's result carries a refusal (form state for forms, a message for dialogs, …). */
export type RefusalShape<R> = (refusal: Refusal) => R;

/** Form actions: `{ ok: false, message, fieldErrors }`, rendered by useActionState beside each field. */
export const asFormState: RefusalShape<FormState> = ({ message, fieldErrors, existingId }) => ({ ok: false, message, ...(fieldErrors && { fieldErrors }), ...(existingId && { existingId }) });
/** Confirm dialogs: the message to show, or nothing when the action went through. */
export const asMessage: RefusalShape<string | undefined> = ({ message }) => message;

const FIX_FIELDS = "Please correct the highlighted fields.";
const FAILED = "Something went wrong. Nothing was changed; please try again.";
const NOT_UNDERSTOOD = "The request was not understood. Reload the page and try again.";
const LINK_INVALID = "Your link no longer works. Check your latest email from the recruiter.";

/** The previous state useActionState passes to a form action; it is never read. */
export const previousState = z.unknown();

const FORM = Symbol("form argument");
type FormArgument<T> = z.ZodType<T, FormData> & { [FORM]: true };

/**
 * The FormData argument of a form action, read into plain values by `read` (repeated fields, say)
 * and checked by `schema`; its issues become field messages.
 */
export function formInput<S extends z.ZodType>(schema: S, read: (form: FormData) => unknown = (form) => Object.fromEntries(form)): FormArgument<z.output<S>> {
  const argument = z.instanceof(FormData).transform(read).pipe(schema) as unknown as FormArgument<z.output<S>>;
  argument[FORM] = true;
  return argument;
}

type Outputs<S extends readonly z.ZodType[]> = { [K in keyof S]: z.output<S[K]> };
type Inputs<S extends readonly z.ZodType[]> = { [K in keyof S]: z.input<S[K]> };

export interface ActionSpec<C extends Caller, S extends readonly z.ZodType[], R> {
  /** For logs: what the action does. */
  name: string;
  caller: C;
  /** One schema per argument, in order. */
  args: S;
  /** How this action's result carries a refusal. */
  refuse: RefusalShape<R>;
  /** What "not found" (a wrong id, another organisation's id) says here. */
  notFound?: string | Refusal;
  /** What an unexpected failure says here (it is logged; the caller gets no detail). */
  failed?: string;
  /** For callers of a role: what a member below it is told (default: which role it takes). */
  forbidden?: string;
  /** For caller "candidate": what happens when the key opens nothing (default: the "link no longer works" refusal). */
  linkInvalid?: () => never;
}

/**
 * Defines a server action: `run` is called only for an allowed caller with every argument parsed,
 * and whatever it throws is mapped once, here (redirect() and notFound() pass through).
 */
export function defineAction<const C extends Caller, const S extends readonly z.ZodType[], R>(
  spec: ActionSpec<C, S, R>,
  run: (context: Context<C>, ...args: Outputs<S>) => Promise<R>,
): (...args: Inputs<S>) => Promise<R> {
  const notFound: Refusal = typeof spec.notFound === "object" ? spec.notFound : { reason: "not_found", message: spec.notFound ?? "This was not found. It may have been deleted." };
  const action = async (...raw: unknown[]): Promise<R> => {
    const context = await authorise(spec);
    if ("refusal" in context) return spec.refuse(context.refusal);

    // An argument no schema speaks for was never sent by our pages: refuse it rather than ignore it.
    if (raw.length > spec.args.length) return spec.refuse({ reason: "invalid", message: NOT_UNDERSTOOD });
    const args: unknown[] = [];
    for (const [i, schema] of spec.args.entries()) {
      const parsed = schema.safeParse(clean(raw[i]));
      if (parsed.success) {
        args.push(parsed.data);
        continue;
      }
      if (schema === recordId) return spec.refuse(notFound);
      if (!(FORM in schema)) {
        // A value of the wrong kind was never sent by our pages; a wrong value (too long) may be.
        const issue = parsed.error.issues[0];
        return spec.refuse({ reason: "invalid", message: !issue || issue.code === "invalid_type" || issue.code === "invalid_union" ? NOT_UNDERSTOOD : issue.message });
      }
      if (!(raw[i] instanceof FormData)) return spec.refuse({ reason: "invalid", message: NOT_UNDERSTOOD });
      return spec.refuse({ reason: "invalid", message: FIX_FIELDS, fieldErrors: fieldErrorsFrom(parsed.error) });
    }

    try {
      return await run(context as Context<C>, ...(args as Outputs<S>));
    } catch (error) {
      unstable_rethrow(error);
      const refusal = expectedRefusal(error, notFound);
      if (refusal) return spec.refuse(refusal);
      console.error(`action "${spec.name}" failed`, { ...logContext(context, spec.args, args), error });
      return spec.refuse({ reason: "failed", message: spec.failed ?? FAILED });
    }
  };
  return action as (...args: Inputs<S>) => Promise<R>;
}

/** An argument with NUL characters dropped from its text, FormData and nested values included (see withoutNul). */
function clean(value: unknown): unknown {
  if (typeof value === "string") return withoutNul(value);
  if (value instanceof FormData) {
    const cleaned = new FormData();
    for (const [name, entry] of value.entries()) cleaned.append(withoutNul(name), typeof entry === "string" ? withoutNul(entry) : entry);
    return cleaned;
  }
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [withoutNul(key), clean(entry)]));
  }
  return value;
}

async function authorise<C extends Caller>(spec: ActionSpec<C, readonly z.ZodType[], unknown>): Promise<Context<Caller> | { refusal: Refusal }> {
  const caller: Caller = spec.caller;
  switch (caller) {
    case "anyone":
      return {};
    case "member":
      return { member: await requireMember() };
    case "recruiter":
    case "admin":
    case "owner": {
      const member = await requireMember();
      const least = LEAST_ROLE[caller];
      if (!atLeast(member.role, least)) return { refusal: { reason: "forbidden", message: spec.forbidden ?? forbiddenFor(least) } };
      return { member };
    }
    case "candidate": {
      const access = await candidateAccessForAction();
      if (access.state === "too_many") return { refusal: { reason: "too_many", message: "Too many attempts. Wait a minute and try again." } };
      if (access.state === "invalid") {
        spec.linkInvalid?.();
        return { refusal: { reason: "invalid", message: LINK_INVALID } };
      }
      return { access };
    }
  }
}

/** What a member below `least` is told: the role it takes, and whom to ask. */
export function forbiddenFor(least: Role): string {
  return least === Role.OWNER ? "Only an owner of the organisation can do this." : `Only ${least === Role.ADMIN ? "an admin" : "a recruiter"} or above can do this. Ask an admin of your organisation if you need to.`;
}

/** The words for an error lib/ throws on purpose; null for anything else (a bug, an outage). */
function expectedRefusal(error: unknown, notFound: Refusal): Refusal | null {
  if (error instanceof NotFoundError) return notFound;
  if (error instanceof ConflictError) return { reason: error.reason, message: error.message, existingId: error.existingId };
  if (error instanceof FieldError) return { reason: error.reason, message: FIX_FIELDS, fieldErrors: { [error.field]: [error.message] } };
  if (error instanceof ExpectedError) return { reason: error.reason, message: error.message };
  return null;
}

/** Who called and which records they named: never what they typed (answers, passwords). */
function logContext(context: Context<Caller> | object, schemas: readonly z.ZodType[], args: unknown[]) {
  const ids = args.filter((_, i) => schemas[i] === recordId);
  return {
    ...("member" in context && { organizationId: context.member.organizationId, userId: context.member.id }),
    ...("access" in context && "interviewId" in context.access && { interviewId: context.access.interviewId }),
    ...(ids.length > 0 && { ids }),
  };
}
