import { addDays, addSeconds } from "date-fns";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions, memberOfToken } from "@/lib/accounts/auth";
import { setClock } from "@/lib/clock";
import { endAllSessions, isSessionActive, SESSION_DAYS } from "@/lib/accounts/sessions";
import { makeOrg } from "./support/factories";

// A session cookie is a signed JWT: copying it copies the session. Each sign-in therefore starts a
// session row the token names, and every place that reads the cookie — requireMember() (every
// page and action), the recordings route and proxy.ts's dashboard gate — asks for that row.

afterEach(() => setClock(null));

/** What next-auth stores in the cookie after a credentials sign-in (its jwt callback with the user). */
async function signInToken(userId: string): Promise<JWT> {
  const jwt = authOptions.callbacks!.jwt!;
  return jwt({ token: { sub: userId }, user: { id: userId, email: "x@example.test", name: "X" }, account: null, trigger: "signIn" } as never);
}

async function signOut(token: JWT) {
  await authOptions.events!.signOut!({ token, session: undefined as never });
}

describe("sessions", () => {
  it("signing out ends the session the cookie names: a copy of the cookie opens nothing; other browsers stay signed in", async () => {
    const org = await makeOrg();
    const laptop = await signInToken(org.ownerId);
    const phone = await signInToken(org.ownerId);
    expect(laptop.sid).toEqual(expect.any(String));
    expect(phone.sid).not.toBe(laptop.sid);
    expect(await memberOfToken(laptop)).toMatchObject({ id: org.ownerId, organizationId: org.organizationId, sessionId: laptop.sid });
    expect(await isSessionActive(laptop)).toBe(true);

    const copied = structuredClone(laptop);
    await signOut(laptop);
    expect(await memberOfToken(copied)).toBeNull();
    expect(await isSessionActive(copied)).toBe(false);
    expect(await memberOfToken(phone)).toMatchObject({ id: org.ownerId });
    // Signing out again (a second tab) is harmless.
    await signOut(copied);
  });

  it("a cookie naming no session, someone else's session or no user opens nothing", async () => {
    const [a, b] = await Promise.all([makeOrg(), makeOrg()]);
    const bToken = await signInToken(b.ownerId);
    for (const token of [{ uid: a.ownerId }, { uid: a.ownerId, sid: bToken.sid }, { sid: bToken.sid }, { uid: a.ownerId, sid: "made-up" }, {}, null]) {
      expect(await memberOfToken(token as JWT | null), JSON.stringify(token)).toBeNull();
      expect(await isSessionActive(token as JWT | null), JSON.stringify(token)).toBe(false);
    }
  });

  it(`ends ${SESSION_DAYS} days after sign-in, whatever the cookie says: a second before, at, after`, async () => {
    const start = new Date(Date.UTC(2031, 2, 1, 9, 0, 0));
    setClock(start);
    const org = await makeOrg();
    const token = await signInToken(org.ownerId);
    const end = addDays(start, SESSION_DAYS);
    setClock(addSeconds(end, -1));
    expect(await memberOfToken(token)).not.toBeNull();
    expect(await isSessionActive(token)).toBe(true);
    setClock(end);
    expect(await memberOfToken(token)).toBeNull();
    expect(await isSessionActive(token)).toBe(false);
    setClock(addSeconds(end, 1));
    expect(await memberOfToken(token)).toBeNull();
  });

  it("signing out everywhere ends every session of the user, and nobody else's", async () => {
    const [a, b] = await Promise.all([makeOrg(), makeOrg()]);
    const tokens = [await signInToken(a.ownerId), await signInToken(a.ownerId)];
    const other = await signInToken(b.ownerId);
    await endAllSessions(a.ownerId);
    for (const token of tokens) expect(await memberOfToken(token)).toBeNull();
    expect(await memberOfToken(other)).toMatchObject({ id: b.ownerId });
  });
});
