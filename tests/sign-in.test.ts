import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signUpSchema } from "@/app/(auth)/schema";
import { signUpOwner } from "@/lib/accounts";
import { authOptions } from "@/lib/auth";
import { setClock } from "@/lib/clock";
import { authenticate, SIGN_IN_FAILURES_PER_CLIENT, SIGN_IN_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_SECONDS } from "@/lib/sign-in";
import { uniqueEmail } from "./support/factories";

const PASSWORD = "correct horse battery";
// The start of a window, so a test's attempts all fall in the same one.
const START = new Date(Date.UTC(2031, 0, 1, 12, 0, 0));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  setClock(START);
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

async function account() {
  const email = uniqueEmail("signin");
  const { userId } = await signUpOwner(signUpSchema.parse({ name: "Ada", email, password: PASSWORD, organizationName: `Org ${randomUUID()}` }));
  return { email, userId };
}

/** A client address no other test (or run on a shared database) uses. */
const newClient = () => `203.0.113.${randomUUID()}`;

async function fail(times: number, email: string, client: string) {
  for (let i = 0; i < times; i++) expect(await authenticate(email, "wrong password", client)).toBeNull();
}

describe("sign-in limits", () => {
  it(`refuses even the right password after ${SIGN_IN_FAILURES_PER_EMAIL} failures for an email, from any client, until the window ends`, async () => {
    const locked = await account();
    const other = await account();
    const client = newClient();
    await fail(SIGN_IN_FAILURES_PER_EMAIL - 1, locked.email, client);
    expect(await authenticate(locked.email, PASSWORD, client)).toMatchObject({ id: locked.userId });

    await fail(1, locked.email, client);
    expect(await authenticate(locked.email, PASSWORD, client)).toBeNull();
    expect(await authenticate(` ${locked.email.toUpperCase()}`, PASSWORD, newClient())).toBeNull();
    // Another email from the same client is unaffected.
    expect(await authenticate(other.email, PASSWORD, client)).toMatchObject({ id: other.userId });

    setClock(new Date(START.getTime() + SIGN_IN_WINDOW_SECONDS * 1000));
    expect(await authenticate(locked.email, PASSWORD, client)).toMatchObject({ id: locked.userId });
  });

  it("counts unknown emails like known ones, so a lockout says nothing about the account", async () => {
    const nobody = uniqueEmail("nobody");
    await fail(SIGN_IN_FAILURES_PER_EMAIL, nobody, newClient());
    // Refused without a password check: the same null the wrong password got.
    expect(await authenticate(nobody, PASSWORD, newClient())).toBeNull();
  });

  it(`refuses a client after ${SIGN_IN_FAILURES_PER_CLIENT} failures across emails; other clients are unaffected`, async () => {
    const { email, userId } = await account();
    const client = newClient();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_CLIENT; i++) expect(await authenticate(uniqueEmail("spray"), "guess", client)).toBeNull();

    expect(await authenticate(email, PASSWORD, client)).toBeNull();
    expect(await authenticate(email, PASSWORD, newClient())).toMatchObject({ id: userId });
    // Logged once, when the limit is reached; never the email or the password.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith("sign-in locked for a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  });

  it("does not count successful sign-ins", async () => {
    const { email, userId } = await account();
    const client = newClient();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL + 2; i++) expect(await authenticate(email, PASSWORD, client)).toMatchObject({ id: userId });
    await fail(SIGN_IN_FAILURES_PER_EMAIL - 1, email, client);
    expect(await authenticate(email, PASSWORD, client)).toMatchObject({ id: userId });
  });

  it("is what next-auth's authorize uses, with the right-most X-Forwarded-For entry as the client", async () => {
    const { email, userId } = await account();
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const client = newClient();
    const req = (ip: string) => ({ headers: { "x-forwarded-for": `198.51.100.7, ${ip}` }, body: {}, query: {}, method: "POST" });
    const authorize = (password: string, ip = client) => provider.options.authorize({ email, password }, req(ip));

    expect(await authorize(PASSWORD)).toMatchObject({ id: userId });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL; i++) expect(await authorize("wrong password")).toBeNull();
    expect(await authorize(PASSWORD)).toBeNull();
    expect(await authorize(PASSWORD, newClient())).toBeNull();
  });
});
