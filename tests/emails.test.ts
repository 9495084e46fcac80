import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/emails/_components/time";
import { icsAttachment, interviewIcs, type InterviewIcsInput } from "@/lib/email/ics";
import { previewMessage, renderEmail, templateNames, type EmailMessage, type TemplateName } from "@/lib/email/templates";

/** How React writes a string into an attribute (`&` → `&amp;` and so on). */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// iCalendar folds lines at 75 octets: a CRLF followed by a space or tab continues the line.
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

const SUBJECTS: Record<TemplateName, string> = {
  "interview-invitation": "Your interview with Acme Robotics: Robotics Software Engineer",
  "interview-rescheduled": "New time: your interview with Acme Robotics: Robotics Software Engineer",
  "deadline-extended": "More time: your interview with Acme Robotics: Robotics Software Engineer",
  "answers-reopened": "Please answer a question again: your interview with Acme Robotics: Robotics Software Engineer",
  "interview-cancelled": "Cancelled: your interview with Acme Robotics: Robotics Software Engineer",
  "interview-reminder": "Reminder: your interview with Acme Robotics tomorrow",
  "deadline-reminder": "Reminder: complete your interview with Acme Robotics by Saturday, December 5, 5:00 PM (your time)",
  "candidate-completed": "Hana Sato completed their interview for Robotics Software Engineer",
  "answers-received": "We received your answers: Robotics Software Engineer at Acme Robotics",
  "invitation-bounced": "Invitation to Hana Sato bounced",
  "team-invitation": "Join Acme Robotics on Kairos",
  "reschedule-requested": "Hana Sato asks for a new interview time",
  "accommodation-requested": "Hana Sato asks for an accommodation for their interview",
  "deletion-requested": "Hana Sato asks you to delete their interview answers",
  "review-requested": "Riley Recruiter asks you to review Amara Okafor's interview",
  "share-link-viewed": "Your link to Amara Okafor's interview was opened",
  "team-invite-existing-account": "Join Acme Robotics on Kairos",
  "sign-up-confirmation": "Confirm your email address for Kairos",
  "sign-up-existing-account": "You already have a Kairos account",
  "email-verification": "Confirm your email address for Kairos",
  "password-reset": "Reset your Kairos password",
  "password-changed": "Your Kairos password was changed",
  "sign-in-alert": "Someone is trying to sign in to your Kairos account",
  "webhook-disabled": "Webhook endpoint disabled: https://ats.example.com/hooks/kairos",
};

/** The link each link-carrying template must show, read from its preview props. */
const LINKS: Partial<Record<TemplateName, (m: EmailMessage) => string>> = {
  "interview-invitation": (m) => (m.template === "interview-invitation" ? m.props.interviewUrl : ""),
  "interview-rescheduled": (m) => (m.template === "interview-rescheduled" ? m.props.interviewUrl : ""),
  "deadline-extended": (m) => (m.template === "deadline-extended" ? m.props.interviewUrl : ""),
  "answers-reopened": (m) => (m.template === "answers-reopened" ? m.props.interviewUrl : ""),
  "candidate-completed": (m) => (m.template === "candidate-completed" ? m.props.reviewUrl : ""),
  "invitation-bounced": (m) => (m.template === "invitation-bounced" ? m.props.interviewUrl : ""),
  "team-invitation": (m) => (m.template === "team-invitation" ? m.props.acceptUrl : ""),
  "reschedule-requested": (m) => (m.template === "reschedule-requested" ? m.props.interviewUrl : ""),
  "accommodation-requested": (m) => (m.template === "accommodation-requested" ? m.props.interviewUrl : ""),
  "deletion-requested": (m) => (m.template === "deletion-requested" ? m.props.interviewUrl : ""),
  "review-requested": (m) => (m.template === "review-requested" ? m.props.reviewUrl : ""),
  "share-link-viewed": (m) => (m.template === "share-link-viewed" ? m.props.interviewUrl : ""),
  "sign-up-confirmation": (m) => (m.template === "sign-up-confirmation" ? m.props.confirmUrl : ""),
  "sign-up-existing-account": (m) => (m.template === "sign-up-existing-account" ? m.props.signInUrl : ""),
  "email-verification": (m) => (m.template === "email-verification" ? m.props.verifyUrl : ""),
  "password-reset": (m) => (m.template === "password-reset" ? m.props.resetUrl : ""),
  "password-changed": (m) => (m.template === "password-changed" ? m.props.resetUrl : ""),
  "sign-in-alert": (m) => (m.template === "sign-in-alert" ? m.props.resetUrl : ""),
  "webhook-disabled": (m) => (m.template === "webhook-disabled" ? m.props.settingsUrl : ""),
};

describe("email templates", () => {
  it.each(templateNames)("%s renders with its preview props", async (name) => {
    const email = await renderEmail(previewMessage(name));
    expect(email.subject).toBe(SUBJECTS[name]);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text.length).toBeGreaterThan(100);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it.each(Object.keys(LINKS) as TemplateName[])("%s carries its link in the HTML href and the text", async (name) => {
    const message = previewMessage(name);
    const url = LINKS[name]!(message);
    expect(url).toMatch(/^http:\/\/localhost:3000\//);
    const email = await renderEmail(message);
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${escapeAttribute(url)}"`);
  });

  it("escapes a link with several parameters in the HTML but not in the text", async () => {
    const url = "http://localhost:3000/invite?token=abc_DEF-123&ref=email&x=<y>";
    const { props } = previewMessage("team-invitation");
    const email = await renderEmail({ template: "team-invitation", props: { ...props, acceptUrl: url } });
    expect(email.html).toContain('href="http://localhost:3000/invite?token=abc_DEF-123&amp;ref=email&amp;x=&lt;y&gt;"');
    expect(email.text).toContain(url);
  });

  it("puts the session key only in the invitation's links", async () => {
    const { props } = previewMessage("interview-invitation");
    const key = props.interviewUrl.split("session_key=")[1]!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const email = await renderEmail(previewMessage("interview-invitation"));
    // Once in the button, once as the visible link (href + text): nowhere else, e.g. the preview line.
    expect(email.html.split(key)).toHaveLength(1 + 3);
    expect(email.text.split(key)).toHaveLength(1 + 1);
  });

  it.each([24, 1] as const)("the %i-hour reminder carries no link or key", async (hoursBefore) => {
    const { props } = previewMessage("interview-reminder");
    const email = await renderEmail({ template: "interview-reminder", props: { ...props, hoursBefore } });
    for (const body of [email.html, email.text]) {
      expect(body).not.toContain("session_key");
      expect(body).not.toContain("/interview?");
      expect(body).not.toMatch(/href="http/);
    }
    expect(email.text).toContain("most recent invitation email from Acme Robotics");
    expect(email.subject).toBe(
      `Reminder: your interview with Acme Robotics ${hoursBefore === 1 ? "in 1 hour" : "tomorrow"}`,
    );
  });

  it("the cancellation carries no link or key", async () => {
    const email = await renderEmail(previewMessage("interview-cancelled"));
    for (const body of [email.html, email.text]) {
      expect(body).not.toContain("session_key");
      expect(body).not.toMatch(/href="http/);
    }
  });

  it("shows the invitation's start in the candidate's zone, not in UTC", async () => {
    const message = previewMessage("interview-invitation");
    expect(message.props.startsAt).toBe("2026-12-01T06:00:00.000Z");
    expect(message.props.timeZone).toBe("Asia/Tokyo");
    const email = await renderEmail(message);
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Tuesday, December 1, 2026, 3:00 PM Japan Standard Time (GMT+9)");
      expect(body).toContain("2:45 PM Japan Standard Time"); // the link opens 15 minutes before
      expect(body).not.toContain("6:00 AM");
      expect(body).not.toMatch(/\bUTC\b/);
    }
    expect(email.text).toContain("6 questions");
    expect(email.text).toContain("camera and microphone");
    expect(email.text).toContain("typed");
  });

  it("says the old time no longer applies when rescheduled", async () => {
    const email = await renderEmail(previewMessage("interview-rescheduled"));
    expect(email.text).toContain("The previous time no longer applies: Tuesday, December 1, 2026, 3:00 PM Japan Standard Time");
    expect(email.text).toContain("Thursday, December 3, 2026, 10:30 AM Japan Standard Time (GMT+9)");
    expect(email.text).toContain("Links in earlier emails have stopped working");
  });

  it("keeps names with line breaks out of the subject's header line", async () => {
    const { props } = previewMessage("invitation-bounced");
    const email = await renderEmail({ template: "invitation-bounced", props: { ...props, candidateName: "Eve\r\nBcc: x@y" } });
    expect(email.subject).toBe("Invitation to Eve Bcc: x@y bounced");
  });

  it("shows the candidate's accommodation request as written, line breaks kept, but never in the preview line", async () => {
    const message = previewMessage("accommodation-requested");
    const email = await renderEmail(message);
    expect(email.text).toContain("I have dyslexia and read questions slowly.\nCould I have extra time to read each question?");
    expect(email.html).toContain("I have dyslexia and read questions slowly.<br/>Could I have extra time to read each question?");
    expect(email.text).toContain("Hana Sato (hana.sato@example.com)");
    expect(email.text).toContain("Tuesday, December 1, 2026, 3:00 PM Japan Standard Time (GMT+9)");
    // The inbox preview (the first text of the HTML body) says only that a request was made.
    const preview = /<div style="display:none[^>]*>([^<]*)/.exec(email.html)?.[1] ?? "";
    expect(preview).toContain("Hana Sato asks for an accommodation");
    expect(preview).not.toContain("dyslexia");
  });

  it("tells the recruiter when the retention policy would delete the answers anyway", async () => {
    const email = await renderEmail(previewMessage("deletion-requested"));
    expect(email.text).toContain("Your retention policy deletes them on Sunday, May 30, 2027 in any case.");
    expect(email.text).toContain("Completed: Tuesday, December 1, 2026, 3:24 PM Japan Standard Time (GMT+9)");
  });

  it("says why an owner gets a request for an interview they did not schedule", async () => {
    for (const template of ["accommodation-requested", "deletion-requested"] as const) {
      const { props } = previewMessage(template);
      const scheduler = await renderEmail({ template, props } as EmailMessage);
      const owner = await renderEmail({ template, props: { ...props, recipientRole: "owner" } } as EmailMessage);
      expect(scheduler.text).toContain("because you scheduled Hana Sato's interview");
      expect(owner.text).toContain("because you own the account that scheduled Hana Sato's interview");
    }
  });
});

describe("formatDateTime", () => {
  it.each([
    ["2026-07-01T18:00:00Z", "America/New_York", "Wednesday, July 1, 2026, 2:00 PM Eastern Daylight Time (GMT-4)"],
    ["2026-12-01T18:00:00Z", "America/New_York", "Tuesday, December 1, 2026, 1:00 PM Eastern Standard Time (GMT-5)"],
    ["2026-12-01T06:00:00Z", "Asia/Kathmandu", "Tuesday, December 1, 2026, 11:45 AM Nepal Time (GMT+5:45)"],
    ["2026-12-01T06:00:00Z", "Etc/GMT+5", "Tuesday, December 1, 2026, 1:00 AM GMT-5"],
    ["2026-12-01T06:00:00Z", "Mars/Olympus_Mons", "Tuesday, December 1, 2026, 6:00 AM Coordinated Universal Time (GMT+0)"],
  ])("formats %s in %s", (iso, zone, expected) => {
    expect(formatDateTime(iso, zone)).toBe(expected);
  });

  it("refuses an invalid date instead of printing 'Invalid Date'", () => {
    expect(() => formatDateTime("not a date", "UTC")).toThrow(/invalid date/);
  });
});

describe("interview calendar files", () => {
  const base: InterviewIcsInput = {
    method: "REQUEST",
    uid: "interview-cmf3k9x2a0001qz8r5t7y4b6n@kairos",
    sequence: 2,
    start: new Date("2026-12-01T06:00:00Z"),
    durationMinutes: 45,
    title: "Interview: Robotics Software Engineer at Acme Robotics",
    description: "Join your interview: http://localhost:3000/interview?session_key=abc",
    url: "http://localhost:3000/interview?session_key=NUk0wFPkFDHe9eeK6PvCiW7879kn69f6cYYEfqD5qfM",
    organizer: { name: "Acme Robotics", email: "interviews@kairos.example" },
    attendee: { name: "Hana Sato", email: "hana.sato@example.jp" },
  };
  const lines = (ics: string) => unfold(ics).split("\r\n");

  it("builds a REQUEST with the UID, sequence, link and a UTC start", () => {
    const ics = lines(interviewIcs(base));
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${base.uid}`);
    expect(ics).toContain("SEQUENCE:2");
    expect(ics).toContain(`URL:${base.url}`);
    expect(ics).toContain(`LOCATION:${base.url}`);
    expect(ics).toContain("DTSTART:20261201T060000Z");
    expect(ics).toContain("DURATION:PT45M");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics.some((l) => l.startsWith("ORGANIZER;") && l.includes("interviews@kairos.example"))).toBe(true);
    expect(ics.some((l) => l.startsWith("ATTENDEE;") && l.includes("hana.sato@example.jp"))).toBe(true);
  });

  it("builds a CANCEL for the same event", () => {
    const request = lines(interviewIcs(base));
    const cancel = lines(interviewIcs({ ...base, method: "CANCEL", sequence: 3, url: null, description: "Cancelled." }));
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(cancel).toContain("SEQUENCE:3");
    expect(cancel.some((l) => l.startsWith("URL:") || l.startsWith("LOCATION:"))).toBe(false);
    expect(cancel.find((l) => l.startsWith("UID:"))).toBe(request.find((l) => l.startsWith("UID:")));
  });

  it("throws a clear error when ics rejects the input", () => {
    expect(() => interviewIcs({ ...base, organizer: { name: "Acme", email: "not an email" } })).toThrow(
      /Could not build the interview calendar file/,
    );
  });

  /** The one VEVENT of a calendar file, read by ical.js (which throws on what is not iCalendar). */
  function parsedEvent(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    return events[0]!;
  }

  it.each([
    ["a double quote", 'Eve "the Hacker" Doe'],
    ["a comma", "Doe, Jane"],
    ["a semicolon and a parameter", "Jane;ROLE=CHAIR;RSVP=TRUE"],
    ["a colon", "Jane: mailto:eve@evil.example"],
    ["a quote that tries to close the value", 'x";ROLE=CHAIR;CN="y'],
    ["a line break that tries to start a property", "Jane\nATTENDEE;CN=Eve:mailto:eve@evil.example"],
    ["a caret", "Jane ^n Doe ^^ ^'"],
    // (Not "\\n": ical.js reads backslash escapes in parameters too, which RFC 5545 does not define.)
    ["a backslash", "Jane \\ Doe\\"],
    ["letters beyond ASCII", "Zoë Ñandú-Łukasz 李小龍 Ωμέγα 🎉"],
    ["a long name", "Maximiliane Wilhelmine Konstanze von Hohenzollern-Sigmaringen, Dr. rer. nat."],
  ])("writes a name with %s as valid iCalendar that reads back as written", (_, name) => {
    const ics = interviewIcs({ ...base, title: `Interview: "Eng, Backend; II" at ${name}`, organizer: { name, email: "interviews@kairos.example" }, attendee: { name, email: "hana.sato@example.jp" } });
    const event = parsedEvent(ics);

    const attendees = event.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter("cn")).toBe(name);
    expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe("mailto:hana.sato@example.jp");
    // Only the parameters Kairos writes: nothing smuggled in through the name.
    expect(Object.keys(attendees[0]!.toJSON()[1] as object).sort()).toEqual(["cn", "partstat", "role", "rsvp"]);
    expect(attendees[0]!.getParameter("role")).toBe("REQ-PARTICIPANT");

    const organizers = event.getAllProperties("organizer");
    expect(organizers).toHaveLength(1);
    expect(organizers[0]!.getParameter("cn")).toBe(name);
    expect(Object.keys(organizers[0]!.toJSON()[1] as object)).toEqual(["cn"]);
    expect(String(organizers[0]!.getFirstValue()).toLowerCase()).toBe("mailto:interviews@kairos.example");

    expect(event.getFirstPropertyValue("summary")).toBe(`Interview: "Eng, Backend; II" at ${name}`);
    expect(event.getFirstPropertyValue("uid")).toBe(base.uid);
    expect(event.getFirstPropertyValue("url")).toBe(base.url);
  });

  it("writes a name with a CR LF or other control characters as one line, breaks kept", () => {
    const event = parsedEvent(interviewIcs({ ...base, attendee: { name: "Jane\r\nDoe\u0000\u0007\tJr", email: "hana.sato@example.jp" } }));
    expect(event.getAllProperties("attendee")).toHaveLength(1);
    expect(event.getFirstProperty("attendee")!.getParameter("cn")).toBe("Jane\nDoe  \tJr");
  });

  it("refuses an address that is not one, rather than write it into the calendar", () => {
    for (const email of ["eve@evil.example\r\nATTENDEE:mailto:x@y.example", 'eve"@evil.example', "eve@evil.example;ROLE=CHAIR"]) {
      expect(() => interviewIcs({ ...base, attendee: { name: "Eve", email } }), email).toThrow(/Could not build the interview calendar file/);
    }
  });

  it("wraps the file as a base64 attachment with the method in its content type", () => {
    const content = interviewIcs(base);
    const attachment = icsAttachment(content, "REQUEST");
    expect(attachment.filename).toBe("interview.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(Buffer.from(attachment.content, "base64").toString("utf8")).toBe(content);
  });
});
