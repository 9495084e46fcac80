import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { findMember } from "@/lib/accounts";
import { authSecret } from "@/lib/config";
import { clientAddress } from "@/lib/http/client-address";
import { authenticate } from "@/lib/sign-in";

declare module "next-auth" {
  interface Session {
    userId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().max(320), password: z.string().max(200) });

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // Locked out or wrong, the form shows the same "do not match" message (lib/sign-in.ts).
        const client = clientAddress(new Headers(req.headers as Record<string, string> | undefined));
        return authenticate(parsed.data.email, parsed.data.password, client);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      session.userId = token.uid;
      return session;
    },
  },
};

export type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/**
 * The signed-in recruiter and their organisation, or a redirect to sign-in. Every dashboard page
 * and every server action calls this itself; the organisation it returns scopes every query.
 */
export const requireMember = cache(async (): Promise<Member> => {
  const session = await getServerSession(authOptions);
  const member = session?.userId ? await findMember(session.userId) : null;
  if (!member) redirect("/sign-in");
  return member;
});

/**
 * The signed-in user's id, or null (pages that only need to know whether someone is signed in).
 * Null too when the session outlived its account (a removed user, a reset database): sign-in would
 * otherwise send it on to the dashboard, whose requireMember() sends it back — a redirect loop.
 */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  return (await findMember(session.userId))?.id ?? null;
}
