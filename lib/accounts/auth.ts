import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { findSessionMember, type Member as AccountMember } from "@/lib/accounts/members";
import { authSecret } from "@/lib/config";
import { atLeast } from "@/lib/accounts/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { clientAddress } from "@/lib/http/client-address";
import { endSession, SESSION_DAYS, sessionIds, startSession } from "@/lib/accounts/sessions";
import { authenticate } from "@/lib/accounts/sign-in";

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The UserSession row this cookie belongs to (lib/accounts/sessions.ts): signing out deletes it. */
    sid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().max(320), password: z.string().max(200) });

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // Locked out or wrong, the form shows the same "do not match" message (lib/accounts/sign-in.ts).
        const client = clientAddress(new Headers(req.headers as Record<string, string> | undefined));
        return authenticate(parsed.data.email, parsed.data.password, client);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only at sign-in does next-auth pass the user: each sign-in is a session of its own.
      if (user) {
        token.uid = user.id;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.uid;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends the session itself, not just this browser's cookie: a copy of the cookie
    // opens nothing afterwards.
    async signOut({ token }) {
      const ids = sessionIds(token);
      if (ids) await endSession(ids.sessionId);
    },
  },
};

/** The signed-in member of a request: a user of an organisation, and the session they are signed in with. */
export type Member = AccountMember & { sessionId: string };

/**
 * The member a session cookie's token stands for, or null — for a token naming no session, a
 * session that was ended (signed out, a password changed or reset) or expired, or a removed user.
 */
export async function memberOfToken(token: Pick<JWT, "uid" | "sid"> | null | undefined): Promise<Member | null> {
  const ids = sessionIds(token);
  return ids && findSessionMember(ids.userId, ids.sessionId);
}

/** The signed-in member of this request, or null (the recordings route; pages through requireMember). */
export async function currentMember(): Promise<Member | null> {
  const session = await getServerSession(authOptions);
  return memberOfToken(session && { uid: session.userId, sid: session.sessionId });
}

/**
 * The signed-in recruiter and their organisation, or a redirect to sign-in. Every dashboard page
 * and every server action calls this itself; the organisation it returns scopes every query.
 */
export const requireMember = cache(async (): Promise<Member> => {
  const member = await currentMember();
  if (!member) redirect("/sign-in");
  return member;
});

/**
 * The signed-in user's id, or null (pages that only need to know whether someone is signed in).
 * Null too when the session was ended or outlived its account (a removed user, a reset database):
 * sign-in would otherwise send it on to the dashboard, whose requireMember() sends it back — a
 * redirect loop.
 */
export async function currentUserId(): Promise<string | null> {
  return (await currentMember())?.id ?? null;
}

/**
 * The signed-in member if their role is `least` or above (lib/accounts/roles.ts); a page below it
 * is "not found" for them, as it is for anyone outside the organisation.
 */
export async function requireRole(least: Role): Promise<Member> {
  const member = await requireMember();
  if (!atLeast(member.role, least)) notFound();
  return member;
}

/** A member as lib/ scopes reads to them: who, which organisation, which role. */
export function asViewer(member: Member): Viewer {
  return { userId: member.id, organizationId: member.organizationId, role: member.role };
}
