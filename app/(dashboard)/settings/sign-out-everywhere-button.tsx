"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereButton() {
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Sign out everywhere</Button>}
      title="Sign out everywhere?"
      description="Every browser signed in to your account is signed out at once, this one included. You can sign in again with your password."
      confirmLabel="Sign out everywhere"
      onConfirm={async () => {
        const problem = await signOutEverywhereAction();
        if (problem) return problem;
        // Every session has ended on the server; this clears this browser's cookie too.
        await signOut({ callbackUrl: "/sign-in" });
      }}
    />
  );
}
