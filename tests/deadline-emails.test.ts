// What a DEADLINE interview's emails and forms say: rendered for real, no database.
import { describe, expect, it } from "vitest";
import { jobFromFormData, jobSchema } from "@/app/(dashboard)/jobs/schema";
import { scheduleSchema } from "@/app/(dashboard)/interviews/schema";
import { DeadlinePreviewProps, PreviewProps as InvitationPreview } from "@/emails/interview-invitation";
import { PreviewProps as RequestPreview } from "@/emails/reschedule-requested";
import { renderEmail } from "@/lib/email/templates";

/** The HTML and the text, with React's <!-- --> text separators and HTML escapes out of the HTML. */
const bodies = ({ html, text }: { html: string; text: string }) => [html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'"), text];

describe("the invitation to an interview to complete by a deadline", () => {
  it("says when to complete it by (the candidate's time), how long it takes, and that it may be paused; no start, no opening time", async () => {
    // Due 5 December 2026, 08:00 UTC: 17:00 in Tokyo.
    const rendered = await renderEmail({ template: "interview-invitation", props: DeadlinePreviewProps });
    expect(rendered.subject).toBe("Your interview with Acme Robotics: Robotics Software Engineer");
    for (const body of bodies(rendered)) {
      expect(body).toContain("complete by Saturday, December 5, 5:00 PM (your time)");
      expect(body).toContain("Complete by:");
      expect(body).toContain("Saturday, December 5, 2026, 5:00 PM Japan Standard Time (GMT+9)");
      expect(body).toContain("About 25 minutes");
      expect(body).toContain("You can pause between questions and come back to the same link later.");
      expect(body).toContain(DeadlinePreviewProps.interviewUrl);
      expect(body).not.toContain("The link opens");
      expect(body).not.toContain("Starts:");
      expect(body).toContain("more time");
    }
  });

  it("leaves the invitation to a scheduled interview as it was", async () => {
    for (const body of bodies(await renderEmail({ template: "interview-invitation", props: InvitationPreview }))) {
      expect(body).toContain("Starts:");
      expect(body).toContain("The link opens 15 minutes before the start");
      expect(body).not.toContain("Complete by");
      expect(body).not.toContain("pause");
    }
  });

  it("tells the recruiter a candidate past the due date asks for more time", async () => {
    const { subject, text } = await renderEmail({ template: "reschedule-requested", props: { ...RequestPreview, deadline: true } });
    expect(subject).toBe("Hana Sato asks for more time for their interview");
    expect(text).toContain("did not start their interview for Robotics Software Engineer by its due date");
    expect(text).toContain("Was due:");
  });
});

describe("the job form's interview defaults", () => {
  function form(fields: Record<string, string>) {
    const data = new FormData();
    for (const [name, value] of Object.entries({ title: "Designer", description: "", location: "", workplaceType: "REMOTE", ...fields })) data.set(name, value);
    for (const [name, value] of Object.entries({ id: "", prompt: "Why?", answerType: "TEXT", prepSeconds: "30", answerSeconds: "120", retakes: "0" })) data.append(`question.${name}`, value);
    return jobFromFormData(data);
  }

  it("keeps SCHEDULED and 7 days when the form does not say", () => {
    expect(jobSchema.parse(form({}))).toMatchObject({ defaultInterviewMode: "SCHEDULED", defaultDaysToComplete: 7 });
  });

  it("takes DEADLINE and 1 to 60 days", () => {
    expect(jobSchema.parse(form({ defaultInterviewMode: "DEADLINE", defaultDaysToComplete: "60" }))).toMatchObject({ defaultInterviewMode: "DEADLINE", defaultDaysToComplete: 60 });
    expect(jobSchema.parse(form({ defaultDaysToComplete: "1" })).defaultDaysToComplete).toBe(1);
  });

  it.each([
    [{ defaultDaysToComplete: "0" }, "defaultDaysToComplete"],
    [{ defaultDaysToComplete: "61" }, "defaultDaysToComplete"],
    [{ defaultDaysToComplete: "2.5" }, "defaultDaysToComplete"],
    [{ defaultDaysToComplete: "soon" }, "defaultDaysToComplete"],
    [{ defaultInterviewMode: "WHENEVER" }, "defaultInterviewMode"],
  ])("refuses %o with a message on its field", (fields, path) => {
    const result = jobSchema.safeParse(form(fields));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
});

describe("the schedule form with a deadline", () => {
  const base = { candidateMode: "existing", candidateId: "c1", jobId: "j1", recruiterTimeZone: "UTC", durationMinutes: "30", notes: "", requestToken: crypto.randomUUID() };

  it("hands lib/ the date (the candidate's zone decides the hour there), and needs no start", () => {
    expect(scheduleSchema.parse({ ...base, interviewMode: "DEADLINE", dueDate: "2026-12-05" })).toMatchObject({ mode: "DEADLINE", dueDate: "2026-12-05", scheduledAt: "now" });
  });

  it.each([
    ["", "Choose the date to complete it by."],
    ["5/12/2026", "Enter a date, like 2026-12-05."],
  ])("refuses the date %j on its field", (dueDate, message) => {
    const result = scheduleSchema.safeParse({ ...base, interviewMode: "DEADLINE", dueDate });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["dueDate", message]]);
  });

  it("still needs a start for a scheduled interview, and ignores a due date there", () => {
    const result = scheduleSchema.safeParse({ ...base });
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["startMode"]);
    expect(scheduleSchema.parse({ ...base, startMode: "now", dueDate: "2026-12-05" })).toMatchObject({ mode: "SCHEDULED", dueDate: null });
  });
});
