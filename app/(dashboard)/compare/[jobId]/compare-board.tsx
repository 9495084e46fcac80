"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { LocalDate } from "@/components/local-date";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { AnswerType } from "@/lib/generated/prisma/enums";
import { initialFormState } from "@/lib/form-state";
import type { CompareRow } from "@/lib/interviews/review/compare";
import { saveRatingAction } from "../../interviews/actions";
import { DECISION_LABELS, DECISION_TONES, formatSeconds } from "../../interviews/labels";

type Row = Omit<CompareRow, "completedAt"> & { completedAt: string | null };
type SaveState = "saving" | "saved" | "failed";

/** Keys typed into these are the user's, not shortcuts (a player's arrows seek). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "VIDEO", "AUDIO"].includes(target.tagName);
}

/**
 * The candidates side by side for one question, driven by the keyboard as well as the mouse:
 * j/k (or →/←) move between candidates, n/p between questions (a navigation: the question is in
 * the URL, with the focused candidate), 1–5 rate the focused candidate's answer through the same
 * action as the interview page. A polite live region says where focus went and what was saved.
 */
export function CompareBoard({
  rows,
  position,
  questionCount,
  initialFocus,
  questionHrefs,
}: {
  rows: Row[];
  position: number;
  questionCount: number;
  initialFocus: number | null;
  questionHrefs: { previous: string | null; next: string | null };
}) {
  const router = useRouter();
  const [focused, setFocused] = useState<number | null>(initialFocus);
  const [announcement, setAnnouncement] = useState("");
  // Ratings given here, by answer, until the server's next render carries them.
  const [ratings, setRatings] = useState<Record<string, { rating: number; state: SaveState }>>({});
  const cards = useRef<Array<HTMLElement | null>>([]);

  const where = useCallback((index: number) => `Candidate ${index + 1} of ${rows.length}, ${rows[index]!.candidateName}, question ${position + 1}`, [rows, position]);

  const focusCard = useCallback(
    (index: number) => {
      setFocused(index);
      cards.current[index]?.focus();
      setAnnouncement(where(index));
    },
    [where],
  );

  // Arriving on another question with a candidate in the URL: focus is where it was, and the
  // region says so once it is in the page (a region filled as it appears is not announced).
  useEffect(() => {
    if (initialFocus === null) return;
    cards.current[initialFocus]?.focus();
    const timer = setTimeout(() => setAnnouncement(where(initialFocus)), 50);
    return () => clearTimeout(timer);
  }, [initialFocus, where]);

  const rate = useCallback(
    async (index: number, rating: number) => {
      const row = rows[index]!;
      const answer = row.answer;
      if (!answer) return setAnnouncement(`${row.candidateName} did not reach question ${position + 1}.`);
      if (row.submittedByMe) return setAnnouncement(`Your scorecard for ${row.candidateName} is submitted, so it is locked.`);
      setRatings((r) => ({ ...r, [answer.id]: { rating, state: "saving" } }));
      const form = new FormData();
      form.set("rating", String(rating));
      // The notes written on the interview page stay as they are.
      form.set("notes", answer.myNotes);
      const result = await saveRatingAction(row.interviewId, answer.id, initialFormState, form).catch(() => ({ ok: false, message: undefined }));
      setRatings((r) => ({ ...r, [answer.id]: { rating, state: result.ok ? "saved" : "failed" } }));
      setAnnouncement(result.ok ? `Rated ${rating} of 5: ${row.candidateName}, question ${position + 1}. Saved.` : (result.message ?? `Your rating of ${row.candidateName} was not saved.`));
    },
    [rows, position],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const last = rows.length - 1;
      const go = (href: string | null) => {
        if (!href) return;
        event.preventDefault();
        const focus = `c=${(focused ?? 0) + 1}`;
        router.push(`${href}${href.includes("?") ? "&" : "?"}${focus}`, { scroll: false });
      };
      switch (event.key) {
        case "j":
        case "ArrowRight":
          event.preventDefault();
          return focusCard(focused === null ? 0 : Math.min(focused + 1, last));
        case "k":
        case "ArrowLeft":
          event.preventDefault();
          return focusCard(focused === null ? 0 : Math.max(focused - 1, 0));
        case "n":
          return go(questionHrefs.next);
        case "p":
          return go(questionHrefs.previous);
        case "1":
        case "2":
        case "3":
        case "4":
        case "5": {
          event.preventDefault();
          const index = focused ?? 0;
          if (focused === null) focusCard(0);
          void rate(index, Number(event.key));
          return;
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, focused, focusCard, rate, router, questionHrefs]);

  return (
    <>
      <p id="compare-announcement" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ol aria-label={`Candidates, question ${position + 1} of ${questionCount}`} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {rows.map((row, index) => {
          const local = row.answer ? ratings[row.answer.id] : undefined;
          const mine = local?.rating ?? row.answer?.myRating ?? null;
          const headingId = `candidate-${row.interviewId}`;
          return (
            <li key={row.interviewId}>
              <article
                ref={(el) => {
                  cards.current[index] = el;
                }}
                tabIndex={-1}
                aria-labelledby={headingId}
                onFocus={() => setFocused(index)}
                className={cn(
                  "flex h-full flex-col gap-3 rounded-lg bg-white p-5 ring-1 ring-ink-200 outline-none focus:ring-2 focus:ring-accent-600",
                  focused === index && "ring-2 ring-accent-600",
                )}
              >
                <header className="space-y-1">
                  <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold text-ink-900">
                    <Link href={`/interviews/${row.interviewId}`} className="hover:underline">
                      {row.candidateName}
                    </Link>
                    {row.decision ? <Badge tone={DECISION_TONES[row.decision]}>{DECISION_LABELS[row.decision]}</Badge> : <Badge>Undecided</Badge>}
                  </h3>
                  <p className="text-xs text-ink-600">
                    {row.completedAt && (
                      <>
                        Completed <LocalDate value={row.completedAt} />
                      </>
                    )}
                  </p>
                </header>
                <div className="min-h-16 flex-1 text-sm">
                  <Answer row={row} question={position + 1} />
                </div>
                <dl className="grid grid-cols-3 gap-2 border-t border-ink-100 pt-3 text-sm">
                  <div>
                    <dt className="text-xs text-ink-600">Question mean</dt>
                    <dd className="font-medium text-ink-900 tabular-nums">
                      <Mean value={row.answer?.mean ?? null} count={row.answer?.ratingCount ?? 0} hidden={row.meansHidden} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-ink-600">Overall mean</dt>
                    <dd className="font-medium text-ink-900 tabular-nums">
                      <Mean value={row.overallMean} count={row.ratingCount} hidden={row.meansHidden} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-ink-600">Your rating</dt>
                    <dd className="font-medium text-ink-900 tabular-nums">{mine != null ? `${mine} of 5` : "Not rated"}</dd>
                  </div>
                </dl>
                {row.answer &&
                  (row.submittedByMe ? (
                    <p className="text-xs text-ink-600">Your scorecard is submitted and locked.</p>
                  ) : (
                    <div role="group" aria-label={`Your rating for ${row.candidateName}, question ${position + 1}`} className="flex flex-wrap items-center gap-1">
                      {[1, 2, 3, 4, 5].map((n) => (
                        <button
                          key={n}
                          type="button"
                          aria-pressed={mine === n}
                          onClick={() => {
                            setFocused(index);
                            void rate(index, n);
                          }}
                          className={cn(
                            "h-8 w-8 rounded-md text-sm font-medium ring-1 ring-ink-300 ring-inset hover:bg-ink-50",
                            mine === n && "bg-accent-600 text-white ring-accent-600 hover:bg-accent-700",
                          )}
                        >
                          {n}
                        </button>
                      ))}
                      <span className={cn("ml-2 text-xs", local?.state === "failed" ? "text-danger-700" : "text-ink-600")}>
                        {local?.state === "saving" ? "Saving…" : local?.state === "saved" ? "Saved" : local?.state === "failed" ? "Not saved" : ""}
                      </span>
                    </div>
                  ))}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A team mean with how many ratings it is of; for a reviewer who has not submitted, why there is none. */
function Mean({ value, count, hidden }: { value: number | null; count: number; hidden: boolean }) {
  if (hidden) return <span className="text-xs font-normal text-ink-600">After you submit</span>;
  if (value === null) return <span className="font-normal text-ink-600">None yet</span>;
  return (
    <>
      {value.toFixed(1)} <span className="text-xs font-normal text-ink-600">({count === 1 ? "1 rating" : `${count} ratings`})</span>
    </>
  );
}

function Answer({ row, question }: { row: Row; question: number }) {
  const answer = row.answer;
  if (!answer || !answer.submitted) return <p className="text-ink-500 italic">No answer</p>;
  if (answer.answerType === AnswerType.TEXT) {
    return <p className="line-clamp-[12] break-words whitespace-pre-wrap text-ink-900">{answer.text || <span className="text-ink-500 italic">No answer</span>}</p>;
  }
  if (answer.recordings.length === 0) return <p className="text-ink-500 italic">No recording</p>;
  const parts = answer.recordings.length;
  return (
    <div className="space-y-2">
      {answer.recordings.map((recording) => {
        const label = `${row.candidateName}, question ${question}, ${answer.answerType === AnswerType.VIDEO ? "video" : "audio"} answer${parts > 1 ? `, part ${recording.segment} of ${parts}` : ""}`;
        const src = `/api/recordings/${recording.id}`;
        return (
          <figure key={recording.id} className="space-y-1">
            {answer.answerType === AnswerType.VIDEO ? (
              <video src={src} controls preload="metadata" playsInline aria-label={label} className="aspect-video w-full rounded-md bg-ink-900" />
            ) : (
              <audio src={src} controls preload="metadata" aria-label={label} className="w-full" />
            )}
            {recording.durationMs !== null && <figcaption className="text-xs text-ink-600">Length {formatSeconds(Math.floor(recording.durationMs / 1000))}</figcaption>}
          </figure>
        );
      })}
    </div>
  );
}
