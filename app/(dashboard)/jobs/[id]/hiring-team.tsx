"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { setHiringTeamAction } from "../actions";

export type TeamMember = { id: string; name: string; role: string };

/** Who is on the job's hiring team (they review all its completed interviews), with add and remove. */
export function HiringTeam({ jobId, onTeam, others }: { jobId: string; onTeam: TeamMember[]; others: TeamMember[] }) {
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (userId: string, on: boolean) =>
    startTransition(async () => {
      const refused = await setHiringTeamAction(jobId, userId, on);
      setError(refused ?? null);
      if (!refused && on) setChosen("");
    });
  return (
    <div className="rounded-lg bg-white ring-1 ring-ink-200">
      {onTeam.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-600">No one yet. Ask for reviews one interview at a time, or add teammates here.</p>
      ) : (
        <ul className="divide-y divide-ink-200">
          {onTeam.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
              <span>
                <span className="font-medium text-ink-900">{m.name}</span> <span className="text-ink-600">· {m.role}</span>
              </span>
              <Button variant="ghost" size="sm" disabled={pending} onClick={() => change(m.id, false)} aria-label={`Remove ${m.name} from the hiring team`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <form
          className="flex flex-wrap items-end gap-3 border-t border-ink-200 px-5 py-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) change(chosen, true);
            else setError("Choose a teammate to add.");
          }}
        >
          <div className="w-full sm:w-80">
            <label className="mb-1 block text-sm font-medium text-ink-800" htmlFor={`hiring-team-${jobId}`}>
              Add a teammate
            </label>
            <Select
              id={`hiring-team-${jobId}`}
              aria-label="Teammate to add"
              placeholder="Choose a teammate"
              value={chosen}
              onValueChange={setChosen}
              options={others.map((m) => ({ value: m.id, label: `${m.name} · ${m.role}` }))}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Add to hiring team"}
          </Button>
        </form>
      )}
      {error && (
        <Alert tone="error" className="m-5 mt-0">
          {error}
        </Alert>
      )}
    </div>
  );
}
