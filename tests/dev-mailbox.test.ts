import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { devToolsEnabled, emailTransportName, productionConfigProblems } from "@/lib/config";
import { findMailboxMessage, listAccountMail, listMailbox } from "@/lib/email/mailbox";
import { devMailboxTransport, LOST_ANSWER_TEST_DOMAIN } from "@/lib/email/transports";
import { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { makeOrg, uniqueEmail } from "./support/factories";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A production environment with `env` set and everything else of the mailbox's concern unset. */
function production(env: Record<string, string | undefined>) {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AUTH_SECRET", "x".repeat(32));
  for (const name of ["RESEND_API_KEY", "KAIROS_DEV_MAILBOX"]) vi.stubEnv(name, env[name] ?? "");
}

describe("the dev mailbox in production", () => {
  it("refuses to start with KAIROS_DEV_MAILBOX=1, with or without RESEND_API_KEY", () => {
    for (const key of [undefined, "re_live"]) {
      production({ KAIROS_DEV_MAILBOX: "1", RESEND_API_KEY: key });
      const problems = productionConfigProblems();
      expect(problems.join("\n")).toMatch(/KAIROS_DEV_MAILBOX/);
      expect(problems.join("\n")).toContain("unsafe-test-only");
      expect(devToolsEnabled()).toBe(false);
    }
  });

  it.each(["true", "yes", "on", "unsafe", "UNSAFE-TEST-ONLY"])("refuses KAIROS_DEV_MAILBOX=%s as well", (value) => {
    production({ KAIROS_DEV_MAILBOX: value });
    expect(productionConfigProblems().join("\n")).toMatch(/KAIROS_DEV_MAILBOX/);
    expect(devToolsEnabled()).toBe(false);
  });

  it("starts with KAIROS_DEV_MAILBOX=unsafe-test-only (the test suites' opt-in) and uses the mailbox", () => {
    production({ KAIROS_DEV_MAILBOX: "unsafe-test-only" });
    expect(productionConfigProblems()).toEqual([]);
    expect(devToolsEnabled()).toBe(true);
    expect(emailTransportName()).toBe("dev-mailbox");
  });

  it("starts with RESEND_API_KEY alone, and the mailbox does not exist", () => {
    production({ RESEND_API_KEY: "re_live" });
    expect(productionConfigProblems()).toEqual([]);
    expect(devToolsEnabled()).toBe(false);
    expect(emailTransportName()).toBe("resend");
  });

  it("never falls back to the mailbox for sending without a key or the opt-in", () => {
    production({});
    expect(productionConfigProblems().join("\n")).toContain("RESEND_API_KEY is not set");
    expect(() => emailTransportName()).toThrow(/RESEND_API_KEY/);
  });

  it("is there in development without any setting", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("KAIROS_DEV_MAILBOX", "");
    expect(devToolsEnabled()).toBe(true);
    expect(emailTransportName()).toBe("dev-mailbox");
  });
});

describe("the dev mailbox shows one organisation's email", () => {
  let a: Awaited<ReturnType<typeof makeOrg>>;
  let b: Awaited<ReturnType<typeof makeOrg>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([makeOrg("Mailbox A"), makeOrg("Mailbox B")]);
  });

  /** An email of `organizationId` as the dev transport delivers it. */
  async function delivered(organizationId: string, subject: string) {
    const prisma = await db();
    const email = await prisma.outboxEmail.create({
      data: { organizationId, kind: EmailKind.TEAM_INVITE, toEmail: uniqueEmail("to"), subject, html: "<p>x</p>", text: "x", status: EmailStatus.SENT },
    });
    return prisma.devMailboxMessage.create({ data: { outboxEmailId: email.id, toEmail: email.toEmail, subject, html: "<p>x</p>", text: "x" } });
  }

  it("lists and opens only the signed-in member's organisation's messages", async () => {
    const ofA = await delivered(a.organizationId, `For A ${a.suffix}`);
    const ofB = await delivered(b.organizationId, `For B ${b.suffix}`);

    const readerA = { organizationId: a.organizationId, email: a.ownerEmail };
    const readerB = { organizationId: b.organizationId, email: b.ownerEmail };
    expect((await listMailbox(readerA)).map((m) => m.id)).toEqual([ofA.id]);
    expect((await listMailbox(readerB)).map((m) => m.id)).toEqual([ofB.id]);
    expect((await findMailboxMessage(readerA, ofA.id))?.subject).toBe(`For A ${a.suffix}`);
    // Another organisation's message is "not found", like one that does not exist; so for nobody signed in.
    expect(await findMailboxMessage(readerB, ofA.id)).toBeNull();
    expect(await findMailboxMessage(null, ofA.id)).toBeNull();
    expect(await findMailboxMessage(readerB, "no-such-message")).toBeNull();
  });

  it("account email is read by the member it was sent to, or by whoever names the address", async () => {
    const prisma = await db();
    const to = uniqueEmail("signing-up");
    const email = await prisma.outboxEmail.create({
      data: { organizationId: null, kind: EmailKind.SIGN_UP_CONFIRMATION, toEmail: to, subject: "Confirm", html: "<p>x</p>", text: "x", status: EmailStatus.SENT },
    });
    const message = await prisma.devMailboxMessage.create({ data: { outboxEmailId: email.id, toEmail: to, subject: "Confirm", html: "<p>x</p>", text: "x" } });
    expect((await listAccountMail(to)).map((m) => m.id)).toEqual([message.id]);
    expect((await listAccountMail(uniqueEmail("someone-else"))).map((m) => m.id)).toEqual([]);
    expect((await findMailboxMessage(null, message.id))?.subject).toBe("Confirm");
    expect((await listMailbox({ organizationId: a.organizationId, email: a.ownerEmail })).map((m) => m.id)).not.toContain(message.id);
    expect((await listMailbox({ organizationId: a.organizationId, email: to })).map((m) => m.id)).toContain(message.id);
  });
});

describe("the test address whose answer is lost", () => {
  it("is delivered into the mailbox but reported as a retryable failure, with test hooks on only", async () => {
    const org = await makeOrg("Lost answer");
    const prisma = await db();
    const send = async () => {
      const email = await prisma.outboxEmail.create({
        data: { organizationId: org.organizationId, kind: EmailKind.TEAM_INVITE, toEmail: `pat@${LOST_ANSWER_TEST_DOMAIN}`, subject: "s", html: "h", text: "t" },
      });
      const result = await devMailboxTransport().send({ id: email.id, kind: email.kind, to: email.toEmail, toName: "", replyTo: null, subject: "s", html: "h", text: "t", attachments: [] });
      return { result, delivered: await prisma.devMailboxMessage.count({ where: { outboxEmailId: email.id } }) };
    };

    vi.stubEnv("KAIROS_TEST_HOOKS", "1");
    expect(await send()).toMatchObject({ result: { ok: false, retryable: true }, delivered: 1 });
    vi.stubEnv("KAIROS_TEST_HOOKS", "");
    expect(await send()).toMatchObject({ result: { ok: true }, delivered: 1 });
  });
});
