"use client";

import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { linkedSeconds, partAt } from "./transcript-time";

/**
 * `?answer=<answerId>&t=<seconds>` (a search result's link): scrolls to that answer and moves its
 * player to `t` — in the part that holds it, by the parts' offsets — without playing it. An answer
 * not on the page, or a `t` that is not a time, is ignored.
 */
export function AnswerDeepLink() {
  const params = useSearchParams();
  const answer = params.get("answer");
  const t = params.get("t");
  useEffect(() => {
    const section = answer ? document.getElementById(`answer-${answer}`) : null;
    if (!section) return;
    section.scrollIntoView({ block: "start" });
    const seconds = linkedSeconds(t);
    if (seconds === null) return;
    const players = [...section.querySelectorAll<HTMLMediaElement>("audio[data-offset-ms], video[data-offset-ms]")].map((player) => ({ player, offsetMs: Number(player.dataset.offsetMs) }));
    const part = partAt(players, seconds * 1000);
    if (!part) return;
    const seek = () => {
      part.player.currentTime = Math.max(0, seconds * 1000 - part.offsetMs) / 1000;
    };
    if (part.player.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
    else part.player.addEventListener("loadedmetadata", seek, { once: true });
    return () => part.player.removeEventListener("loadedmetadata", seek);
  }, [answer, t]);
  return null;
}
