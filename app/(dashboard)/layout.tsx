import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { MainNav } from "@/components/main-nav";
import { UserMenu } from "@/components/user-menu";
import { VerifyEmailBanner } from "@/components/verify-email-banner";
import { requireMember } from "@/lib/accounts/auth";
import { managesInterviews } from "@/lib/accounts/roles";
import { sendVerificationEmailAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-ink-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 md:gap-6">
          <Link href="/interviews" aria-label="Kairos home">
            <Logo />
          </Link>
          <MainNav managesInterviews={managesInterviews(member.role)} />
          <UserMenu name={member.name} email={member.email} organizationName={member.organizationName} />
        </div>
      </header>
      {!member.emailVerified && <VerifyEmailBanner email={member.email} send={sendVerificationEmailAction} />}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
