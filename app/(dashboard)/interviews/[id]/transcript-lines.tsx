"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { mediaClock } from "../labels";
import { partAt, playerId } from "./transcript-time";

export interface Line {
  startMs: number;
  endMs: number;
  text: string;
}
export interface Part {
  recordingId: string;
  offsetMs: number;
  durationMs: number;
}

const media = (recordingId: string) => document.getElementById(playerId(recordingId)) as HTMLMediaElement | null;

/**
 * A finished transcript's lines, each a button that plays the take from there (in the part that
 * holds it). The line being played is marked (aria-current) and kept in view, by scrolling this
 * list only — never the page, which the reviewer may be reading elsewhere.
 */
export function TranscriptLines({ lines, parts, label }: { lines: Line[]; parts: Part[]; label: string }) {
  const [current, setCurrent] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const cleanups = parts.map((part) => {
      const player = media(part.recordingId);
      if (!player) return () => {};
      const follow = () => {
        // A part that is not playing, and was not just moved, does not say where the take is.
        if (player.paused && !player.seeking) return;
        const ms = part.offsetMs + player.currentTime * 1000;
        const index = lines.findIndex((line) => line.startMs <= ms && ms < Math.max(line.endMs, line.startMs + 1));
        setCurrent(index === -1 ? null : index);
      };
      for (const event of ["timeupdate", "seeked", "play"]) player.addEventListener(event, follow);
      return () => {
        for (const event of ["timeupdate", "seeked", "play"]) player.removeEventListener(event, follow);
      };
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [lines, parts]);

  useEffect(() => {
    const box = list.current;
    const line = current === null ? null : box?.querySelector<HTMLElement>(`[data-line="${current}"]`);
    if (!box || !line) return;
    // Within the list only: scrollIntoView would move the page as well.
    const top = line.offsetTop; // the list is positioned: offsets are within it
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3) });
  }, [current]);

  const play = (line: Line, index: number) => {
    const part = partAt(parts, line.startMs);
    const player = part && media(part.recordingId);
    if (!part || !player) return;
    player.currentTime = Math.max(0, line.startMs - part.offsetMs) / 1000;
    setCurrent(index);
    // A browser may refuse to play (autoplay rules, a format it lacks): the player shows why.
    void player.play().catch(() => {});
  };

  return (
    <ol ref={list} aria-label={label} className="relative max-h-64 overflow-y-auto rounded-md bg-white py-1 ring-1 ring-ink-200">
      {lines.map((line, index) => (
        <li key={index}>
          <button
            type="button"
            data-line={index}
            aria-current={current === index ? "true" : undefined}
            onClick={() => play(line, index)}
            className={cn(
              "flex w-full gap-3 px-3 py-1.5 text-left text-sm text-ink-800 hover:bg-ink-50",
              "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600",
              "aria-[current=true]:bg-accent-50 aria-[current=true]:text-ink-900 aria-[current=true]:shadow-[inset_3px_0_0_var(--color-accent-600)]",
            )}
          >
            <span className="w-10 shrink-0 text-accent-700 tabular-nums">{mediaClock(line.startMs)}</span>
            <span className="min-w-0 break-words">{line.text}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
