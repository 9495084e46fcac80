"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { LocalDate } from "@/components/local-date";
import { formatDuration, spokenDuration, useServerClock } from "@/components/use-server-clock";
import { LiveAnnouncement } from "../_components/live-announcement";
import { StateCard } from "./state-card";

const inMinutes = (mark: number) => `The interview opens in about ${mark} ${mark === 1 ? "minute" : "minutes"}.`;
const IN_30_SECONDS = "The interview opens in 30 seconds.";

/**
 * Before the window opens: when it opens (and, for an interview to complete by a deadline, by when),
 * a live countdown, and the page moves on by itself.
 */
export function TooEarly({ opensAt, startsAt, dueAt, serverNow }: { opensAt: string; startsAt: string; dueAt?: string; serverNow: string }) {
  const router = useRouter();
  const now = useServerClock(serverNow, 1000);
  const remaining = (new Date(opensAt).getTime() - now) / 1000;
  const refreshed = useRef(false);

  useEffect(() => {
    if (remaining <= 0 && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
  }, [remaining, router]);

  // Announce at sensible moments, not every second: each minute in the last ten, then at 30 s.
  // A mark is said when the countdown reaches it (30 s over a new minute), and stays said until
  // the next one: the marks last said are kept in state and compared while rendering.
  const minuteMark = remaining > 0 && remaining <= 600 ? Math.ceil(remaining / 60) : null;
  const thirty = remaining > 0 && remaining <= 30;
  const [said, setSaid] = useState(() => ({ minuteMark, thirty, text: thirty ? IN_30_SECONDS : minuteMark ? inMinutes(minuteMark) : "" }));
  if (said.minuteMark !== minuteMark || said.thirty !== thirty) {
    const text = thirty && !said.thirty ? IN_30_SECONDS : minuteMark && minuteMark !== said.minuteMark ? inMinutes(minuteMark) : said.text;
    setSaid({ minuteMark, thirty, text });
  }

  return (
    <StateCard title="Your interview opens soon">
      {dueAt ? (
        <p>
          It opens on <LocalDate value={opensAt} options={{ dateStyle: "full", timeStyle: "short" }} />. Complete it any time before{" "}
          <LocalDate value={dueAt} options={{ dateStyle: "full", timeStyle: "short" }} />, with this same page.
        </p>
      ) : (
        <p>
          It starts at <LocalDate value={startsAt} options={{ dateStyle: "full", timeStyle: "short" }} />. You can join from{" "}
          <LocalDate value={opensAt} options={{ dateStyle: undefined, timeStyle: "short" }} />, with this same page.
        </p>
      )}
      <p className="text-4xl font-semibold tabular-nums text-ink-900" role="timer" aria-label={`Opens in ${spokenDuration(remaining)}`}>
        {remaining > 24 * 3600 ? `${Math.floor(remaining / 86400)} d ${formatDuration(remaining % 86400)}` : formatDuration(remaining)}
      </p>
      <p className="text-sm text-ink-600">Keep this page open: it moves on by itself when the interview opens.</p>
      <LiveAnnouncement text={said.text} />
    </StateCard>
  );
}
