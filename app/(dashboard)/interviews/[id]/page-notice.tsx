"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useDropQuery } from "@/components/one-time-notice";
import { Alert } from "@/components/ui/alert";

type Notice = { message: string | null; show: (message: string) => void };
const PageNotice = createContext<Notice>({ message: null, show: () => undefined });

/**
 * The interview page's one place for "it worked" messages (NoticeSlot, below the header, never
 * among the header's buttons); the header's dialogs report to it with useShowNotice().
 */
export function PageNoticeProvider({ initial, children }: { initial: string | null; children: ReactNode }) {
  const [message, setMessage] = useState(initial);
  return <PageNotice value={{ message, show: setMessage }}>{children}</PageNotice>;
}

/** Shows a message in the page's notice slot. */
export function useShowNotice(): (message: string) => void {
  return useContext(PageNotice).show;
}

/**
 * Where the notice appears. `dropQuery` names a query parameter that asked for the first notice
 * (`scheduled=1`): it leaves the address once shown, so a reload or a bookmark does not bring it back.
 */
export function NoticeSlot({ dropQuery }: { dropQuery?: string }) {
  const { message } = useContext(PageNotice);
  useDropQuery(dropQuery);
  if (!message) return null;
  return (
    <Alert tone="success" className="mb-6">
      {message}
    </Alert>
  );
}
