import { createEvent, type EventAttributes } from "ics";
import { now } from "@/lib/clock";

export type IcsMethod = "REQUEST" | "CANCEL";

export type InterviewIcsInput = {
  method: IcsMethod;
  /** Stable per interview: calendars match updates and cancellations to the event by it. */
  uid: string;
  /** Bumped on every change (reschedule, cancel) so calendars accept the newer version. */
  sequence: number;
  start: Date;
  durationMinutes: number;
  title: string;
  description: string;
  /** The interview link, or null (cancellations and anything that must not carry a key). */
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

/**
 * A name as the value of a CN parameter. ics wraps it in double quotes and escapes a quote inside
 * with a backslash, which iCalendar does not know (a quoted value simply ends at the next quote, so
 * a name could add parameters), and leaves a line break in, which ends the line. RFC 6868's caret
 * encoding says what a quoted value cannot hold: ^ as ^^, a line break as ^n, " as ^'. Other control
 * characters are not allowed in a parameter at all and become spaces.
 */
export function paramValue(name: string): string {
  return name
    .replace(/\^/g, "^^")
    .replace(/\r\n|\r|\n/g, "^n")
    .replace(/"/g, "^'")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, " ");
}

/** An iCalendar invitation (REQUEST) or cancellation (CANCEL) for one interview, start in UTC. */
export function interviewIcs(input: InterviewIcsInput): string {
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    throw new Error(`Could not build the interview calendar file: invalid duration ${input.durationMinutes}`);
  }
  const cancel = input.method === "CANCEL";
  // `timestamp` (DTSTAMP) is read by ics but missing from its types; it comes from the injected clock.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "-//Kairos//Interviews//EN",
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    timestamp: now().getTime(),
    start: input.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: input.durationMinutes },
    title: input.title,
    description: input.description,
    ...(input.url ? { url: input.url, location: input.url } : {}),
    status: cancel ? "CANCELLED" : "CONFIRMED",
    organizer: { ...input.organizer, name: paramValue(input.organizer.name) },
    attendees: [
      {
        name: paramValue(input.attendee.name),
        email: input.attendee.email,
        rsvp: false,
        role: "REQ-PARTICIPANT",
        partstat: "NEEDS-ACTION",
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`Could not build the interview calendar file: ${describe(error)}`);
  return value;
}

// ics copies yup's ValidationError into a plain object, so the message may sit in `errors`.
function describe(error: unknown): string {
  if (!error) return "no output";
  const { errors, message } = error as { errors?: unknown; message?: unknown };
  if (Array.isArray(errors) && errors.length > 0) return errors.join("; ");
  return typeof message === "string" && message ? message : String(error);
}

/** The attachment for the outbox/provider: base64 content, method in the content type. */
export function icsAttachment(content: string, method: IcsMethod) {
  return {
    filename: "interview.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(content, "utf8").toString("base64"),
  };
}
