import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { acceptInviteSchema, confirmSignUpSchema, signUpSchema } from "@/app/(auth)/schema";
import { candidateSchema } from "@/app/(dashboard)/candidates/schema";
import { jobFromFormData, jobSchema } from "@/app/(dashboard)/jobs/schema";
import { accommodationsSchema } from "@/app/(dashboard)/interviews/schema";
import { retentionSchema } from "@/app/(dashboard)/settings/schema";
import { inviteSchema } from "@/app/(dashboard)/team/schema";

/** The dotted paths of the fields a schema rejects (empty when it accepts). */
function rejectedPaths(schema: ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("candidateSchema", () => {
  const valid = { name: "Ada Lovelace", email: "ada@example.com", phone: "", timeZone: "Europe/London", notes: "" };

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a malformed email", { email: "ada@@example" }, "email"],
    ["an empty name", { name: "   " }, "name"],
    ["a 121-character name", { name: "a".repeat(121) }, "name"],
    ["letters in the phone", { phone: "call me" }, "phone"],
  ])("rejects %s", (_label, change, path) => {
    expect(rejectedPaths(candidateSchema, { ...valid, ...change })).toEqual([path]);
  });

  it.each(["UTC", "America/New_York"])("accepts the time zone %s", (timeZone) => {
    expect(candidateSchema.parse({ ...valid, timeZone }).timeZone).toBe(timeZone);
  });

  it("trims and lower-cases the email, accepts 120-character names, and stores no empty phone", () => {
    const parsed = candidateSchema.parse({ ...valid, name: "a".repeat(120), email: "  Ada.Lovelace@Example.COM " });
    expect(parsed).toMatchObject({ name: "a".repeat(120), email: "ada.lovelace@example.com", phone: null });
  });
});

describe("jobSchema via jobFromFormData", () => {
  type Row = { id?: string; prompt: string; answerType: string; prepSeconds: string; answerSeconds: string; retakes: string };
  const row = (prompt: string, change: Partial<Row> = {}): Row => ({ id: "", prompt, answerType: "TEXT", prepSeconds: "30", answerSeconds: "120", retakes: "1", ...change });

  /** A job form as the browser posts it: each question row repeats the same field names. */
  function form(rows: Row[]) {
    const data = new FormData();
    for (const [name, value] of Object.entries({ title: " Designer ", description: "", location: "Remote", workplaceType: "REMOTE" })) data.set(name, value);
    for (const r of rows) for (const [name, value] of Object.entries(r)) data.append(`question.${name}`, value ?? "");
    return jobFromFormData(data);
  }

  it("rejects negative preparation time on the first question", () => {
    expect(rejectedPaths(jobSchema, form([row("Q", { prepSeconds: "-1" })]))).toEqual(["questions.0.prepSeconds"]);
  });

  it("rejects a job without questions", () => {
    expect(rejectedPaths(jobSchema, form([]))).toEqual(["questions"]);
  });

  it("accepts a valid form and keeps the question order", () => {
    const parsed = jobSchema.parse(form([row("Second", { id: "q2", answerType: "VIDEO" }), row("First"), row("Third", { answerType: "AUDIO" })]));
    expect(parsed.title).toBe("Designer");
    expect(parsed.workplaceType).toBe("REMOTE");
    expect(parsed.questions.map((q) => [q.id, q.prompt, q.answerType])).toEqual([
      ["q2", "Second", "VIDEO"],
      [undefined, "First", "TEXT"],
      [undefined, "Third", "AUDIO"],
    ]);
    expect(parsed.questions[0]).toMatchObject({ prepSeconds: 30, answerSeconds: 120, retakes: 1 });
  });
});

describe("account schemas", () => {
  const signUp = { name: "Grace", organizationName: "Navy", email: "grace@example.com", password: "0123456789" };

  it("rejects a 9-character password and accepts 10", () => {
    expect(rejectedPaths(signUpSchema, { ...signUp, password: "012345678" })).toEqual(["password"]);
    expect(rejectedPaths(signUpSchema, signUp)).toEqual([]);
  });

  it("takes the browser's time zone when the form carries a known one, and no zone when it is missing or unknown", () => {
    const confirm = { token: "t".repeat(43), password: "0123456789" };
    expect(confirmSignUpSchema.parse(confirm).timeZone).toBeNull();
    expect(confirmSignUpSchema.parse({ ...confirm, timeZone: "Mars/Olympus" }).timeZone).toBeNull();
    expect(confirmSignUpSchema.parse({ ...confirm, timeZone: " Asia/Tokyo " }).timeZone).toBe("Asia/Tokyo");
    expect(acceptInviteSchema.parse({ token: "t".repeat(43), name: "Linus", password: "0123456789" }).timeZone).toBeNull();
  });

  it("lower-cases invite emails and rejects malformed ones", () => {
    expect(inviteSchema.parse({ email: "Linus@Example.COM" }).email).toBe("linus@example.com");
    expect(rejectedPaths(inviteSchema, { email: "linus" })).toEqual(["email"]);
  });
});

describe("accommodationsSchema", () => {
  it("reads the form's strings as whole numbers, bounds included", () => {
    expect(accommodationsSchema.parse({ extraTimePercent: "0", extraRetakes: "0" })).toEqual({ extraTimePercent: 0, extraRetakes: 0 });
    expect(accommodationsSchema.parse({ extraTimePercent: " 200 ", extraRetakes: "5" })).toEqual({ extraTimePercent: 200, extraRetakes: 5 });
  });

  it.each([
    [{ extraTimePercent: "", extraRetakes: "0" }, ["extraTimePercent"]],
    [{ extraTimePercent: "201", extraRetakes: "0" }, ["extraTimePercent"]],
    [{ extraTimePercent: "-5", extraRetakes: "0" }, ["extraTimePercent"]],
    [{ extraTimePercent: "12.5", extraRetakes: "0" }, ["extraTimePercent"]],
    [{ extraTimePercent: "fifty", extraRetakes: "0" }, ["extraTimePercent"]],
    [{ extraTimePercent: "50", extraRetakes: "6" }, ["extraRetakes"]],
    [{ extraTimePercent: "50" }, ["extraRetakes"]],
  ])("rejects %o on %o", (input, paths) => {
    expect(rejectedPaths(accommodationsSchema, input)).toEqual(paths);
  });
});

describe("retentionSchema", () => {
  it.each([["30", 30], ["180", 180], ["730", 730]])("accepts %s days", (input, days) => {
    expect(retentionSchema.parse({ retentionDays: input })).toEqual({ retentionDays: days });
  });

  it.each(["", "29", "731", "90.5", "forever"])("rejects %j", (input) => {
    expect(rejectedPaths(retentionSchema, { retentionDays: input })).toEqual(["retentionDays"]);
  });
});
