import "server-only";
import { addHours, addMinutes, addSeconds, subMinutes } from "date-fns";
import { sendDueEmail } from "@/lib/background";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { devMailboxTransport } from "@/lib/email/transports";
import { AnswerType, EmailStatus, IntegritySignalKind, Decision, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import type { CandidateSession } from "@/lib/interviews/candidate/access";
import { saveDraft, startAnswering, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { finishRecording, startRecording, storeChunk } from "@/lib/interviews/candidate/recordings";
import { recordSignal } from "@/lib/interviews/candidate/signals";
import { sweepInterviews } from "@/lib/interviews/lifecycle/sweep";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { cancelInterview, rescheduleInterview } from "@/lib/interviews/recruiter/manage";
import { decide } from "@/lib/interviews/review/decide";
import { saveRating, saveRecommendation, submitScorecard } from "@/lib/interviews/review/scorecards";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { ffmpegAvailable, spokenClip, type DemoClip, type Voice } from "@/lib/demo-media";

// The demo organisation's past, so that a first run has something to look at: interviews
// upcoming, in progress, completed (with written answers and short real recordings, one reviewed
// and one waiting), expired and cancelled. Every step goes through the same domain functions as
// the app — scheduling, the candidate's steps, the sweep, the review — with lib/clock.ts moved to
// when it happened, and the emails each step causes are delivered into the dev mailbox at that
// time. Development only: it moves the process's clock and writes a made-up history.

/** The size of the parts a demo recording is uploaded in. */
const CHUNK_BYTES = 64 * 1024;

/** Marks the history's interviews (their scheduling form token): present means already seeded. */
const TOKEN_PREFIX = "demo-history:";

type Spoken = { kind: "VIDEO" | "AUDIO"; voice: Voice; says: string };
type Answer = string | Spoken;

/** What the candidates say on camera and microphone, made with ffmpeg at seed time (lib/demo-media.ts). */
const SPOKEN = {
  amaraVideo: { kind: "VIDEO", voice: "slt", says: "Hi, I'm Amara. The first robot I shipped was an autonomous pallet mover. What broke first was not the software: the wheel encoder cable rubbed through after two weeks, and the robot slowly lost track of where it was." },
  amaraAudio: { kind: "AUDIO", voice: "slt", says: "The worst timing bug I chased was a motor controller that missed its deadline once every few hours. A logging call took a lock that the control loop also needed. We moved logging to a lock-free queue, and it never happened again." },
  liamVideo: { kind: "VIDEO", voice: "awb", says: "First I check what the robot thinks happened: the fault log and its last position on the map. If it stopped on purpose, the safety scanner usually saw something. If not, I check power and the network before I open anything up." },
  liamAudio: { kind: "AUDIO", voice: "awb", says: "I let them finish first. Then I tell them plainly what failed, what I am doing about it, and when they will have the robot back. I never promise a time I cannot keep." },
  hanaVideo: { kind: "VIDEO", voice: "slt", says: "Hello, I'm Hana. I wrote the firmware for a delivery robot used in hospitals. The first thing to break was the lift integration: the robot waited politely for a door that had already closed." },
} satisfies Record<string, Spoken>;

interface Story {
  token: string;
  candidate: { name: string; email: string; timeZone: string };
  job: string;
  durationMinutes: number;
  notes?: string;
  /** When the recruiter scheduled it, and for when. */
  scheduledFrom: Date;
  scheduledAt: Date;
  /** What happened afterwards. */
  then?: (world: World, interview: Interview) => Promise<void>;
}

interface Interview {
  id: string;
  scheduledAt: Date;
}

export interface HistorySummary {
  /** Interviews written by this run (0 when the history was there already). */
  created: number;
  /** Not written: there from an earlier run, or their job is no longer in the organisation. */
  existing: number;
  /** False when ffmpeg is missing: recorded questions were then left unanswered. */
  recordings: boolean;
  ms: number;
}

/** Why the demo history may not be written here, or null when it may. */
export function demoHistoryRefusal(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV === "production") return "NODE_ENV is production";
  // The history's emails are delivered into the dev mailbox as it is written; with a provider
  // configured, the app would be sending to these made-up candidates for real.
  if (env.RESEND_API_KEY) return "RESEND_API_KEY is set";
  return null;
}

/**
 * Writes the demo history into the organisation of `recruiterEmail` (the demo recruiter), skipping
 * any interview of it already there, so running it again changes nothing. Refuses in production.
 */
export async function seedDemoHistory(recruiterEmail: string): Promise<HistorySummary> {
  const refusal = demoHistoryRefusal();
  if (refusal) throw new Error(`The demo history is for development only (${refusal}).`);
  const started = Date.now();
  const prisma = await db();
  const recruiter = await prisma.user.findUniqueOrThrow({ where: { email: recruiterEmail }, select: { id: true, organizationId: true, role: true } });
  const by: Viewer = { userId: recruiter.id, organizationId: recruiter.organizationId, role: recruiter.role };
  const plan = stories(new Date());
  const existing = await prisma.interview.count({ where: { organizationId: by.organizationId, requestToken: { startsWith: TOKEN_PREFIX } } });
  const recordings = existing < plan.length && (await ffmpegAvailable());
  const world = new World(by, recordings);
  world.prepareClips();
  let created = 0;
  try {
    for (const story of plan) if (await world.tell(story)) created++;
  } finally {
    setClock(null);
  }
  return { created, existing: plan.length - created, recordings, ms: Date.now() - started };
}

/** Replays stories against the domain, moving the clock through them. */
class World {
  private readonly clips = new Map<string, Promise<DemoClip>>();
  private readonly transport = devMailboxTransport();

  constructor(
    readonly by: Viewer,
    private readonly withRecordings: boolean,
  ) {}

  /** Sets the clock to `when` and runs `fn` there. */
  async at<T>(when: Date, fn: () => Promise<T>): Promise<T> {
    setClock(when);
    return fn();
  }

  /** Delivers (into the dev mailbox) every email due at `when`, as the background round would then. */
  async deliverAt(when: Date) {
    setClock(when);
    await sendDueEmail({ transport: this.transport });
  }

  /** Schedules the story's interview and plays what happened next; false when it exists already. */
  async tell(story: Story): Promise<boolean> {
    const prisma = await db();
    // A demo organisation someone has since changed may lack the job: that part of the story is left out.
    const job = await prisma.job.findFirst({ where: { organizationId: this.by.organizationId, title: story.job }, select: { id: true } });
    if (!job) return false;
    const known = await prisma.candidate.findUnique({
      where: { organizationId_email: { organizationId: this.by.organizationId, email: story.candidate.email } },
      select: { id: true },
    });
    const { interviewId, created } = await this.at(story.scheduledFrom, () =>
      scheduleInterview(this.by, {
        candidate: known ?? story.candidate,
        jobId: job.id,
        scheduledAt: story.scheduledAt,
        durationMinutes: story.durationMinutes,
        notes: story.notes ?? "",
        requestToken: `${TOKEN_PREFIX}${story.token}`,
      }),
    );
    if (!created) return false;
    await this.deliverAt(story.scheduledFrom);
    await story.then?.(this, { id: interviewId, scheduledAt: story.scheduledAt });
    return true;
  }

  /** Sends the interview's reminders that fall due up to `until`, each at its own time. */
  async remindersUntil(interviewId: string, until: Date) {
    const prisma = await db();
    const due = await prisma.outboxEmail.findMany({
      where: { interviewId, status: EmailStatus.PENDING, sendAfter: { lte: until } },
      orderBy: { sendAfter: "asc" },
      select: { sendAfter: true },
    });
    for (const { sendAfter } of due) await this.deliverAt(sendAfter!);
  }

  /** The candidate holding the interview's current link (as their cookie would say). */
  async candidate(interviewId: string): Promise<CandidateSession> {
    const prisma = await db();
    const session = await prisma.interviewSession.findFirstOrThrow({ where: { interviewId, revokedAt: null }, select: { id: true } });
    return { interviewId, sessionId: session.id };
  }

  /**
   * The candidate opens the link at `startAt`, consents, starts and answers the questions in
   * order, `answers[i]` for question i; stops after the answers given (the interview is then still
   * in progress unless every question was answered). Returns when the last step happened.
   */
  async takeInterview(interview: Interview, startAt: Date, answers: Answer[], { pasteOn, draft }: { pasteOn?: number; draft?: string } = {}): Promise<Date> {
    await this.remindersUntil(interview.id, startAt);
    const candidate = await this.candidate(interview.id);
    await this.at(startAt, () => startInterview(candidate, true));
    const prisma = await db();
    const rows = await prisma.interviewAnswer.findMany({ where: { interviewId: interview.id }, orderBy: { position: "asc" }, select: { id: true, answerType: true } });
    let t = startAt;
    for (const [i, answer] of answers.entries()) {
      const row = rows[i]!;
      if (typeof answer === "string") {
        t = await this.write(candidate, row.id, t, answer, pasteOn === i);
      } else if (row.answerType !== AnswerType.TEXT && this.withRecordings) {
        t = await this.record(candidate, row.id, t, await this.clip(answer));
      } else {
        // No ffmpeg: the question is submitted without a recording (the reviewer sees none).
        t = addSeconds(t, 40);
        await this.at(t, () => submitAnswer(candidate, row.id, ""));
      }
    }
    const next = rows[answers.length];
    if (draft !== undefined && next) {
      // Still answering: reading the next question, a first draft autosaved.
      await this.at(addSeconds(t, 20), () => startAnswering(candidate, next.id));
      t = addSeconds(t, 80);
      await this.at(t, () => saveDraft(candidate, next.id, draft));
    }
    await this.deliverAt(t);
    return t;
  }

  /** The interview's answer ids, in question order. */
  async answers(interviewId: string) {
    const prisma = await db();
    const rows = await prisma.interviewAnswer.findMany({ where: { interviewId }, orderBy: { position: "asc" }, select: { id: true } });
    return { answers: rows.map((r) => r.id) };
  }

  /** A written answer: reads, starts typing, autosaves half-way, submits. */
  private async write(candidate: CandidateSession, answerId: string, from: Date, text: string, pasted: boolean): Promise<Date> {
    await this.at(addSeconds(from, 25), () => startAnswering(candidate, answerId));
    const half = text.slice(0, Math.floor(text.length / 2));
    await this.at(addSeconds(from, 95), () => saveDraft(candidate, answerId, half));
    if (pasted) await this.at(addSeconds(from, 110), () => recordSignal(candidate, { kind: IntegritySignalKind.PASTE, answerId, characters: text.length - half.length }));
    const done = addSeconds(from, 170);
    await this.at(done, () => submitAnswer(candidate, answerId, text));
    return done;
  }

  /** A recorded answer: a take started during the preparation, uploaded in chunks as it records, finished, submitted. */
  private async record(candidate: CandidateSession, answerId: string, from: Date, clip: DemoClip): Promise<Date> {
    const begin = addSeconds(from, 15);
    const { recordingId } = await this.at(begin, () => startRecording(candidate, answerId, clip.contentType));
    // Uploaded in parts as the page does (it sends one a second; fewer, larger ones here keep the seed quick).
    const size = CHUNK_BYTES;
    const parts = Math.ceil(clip.bytes.byteLength / size);
    for (let seq = 0; seq < parts; seq++) {
      const part = clip.bytes.subarray(seq * size, (seq + 1) * size);
      await this.at(addSeconds(begin, Math.round(((seq + 1) * clip.seconds) / parts)), () => storeChunk(candidate, recordingId, seq, part, clip.contentType));
    }
    const end = addSeconds(begin, Math.ceil(clip.seconds) + 1);
    await this.at(end, () => finishRecording(candidate, recordingId, { chunks: parts, durationMs: Math.round(clip.seconds * 1000) }));
    const done = addSeconds(end, 6);
    await this.at(done, () => submitAnswer(candidate, answerId, ""));
    return done;
  }

  /** Starts making every clip at once, so ffmpeg works while the database does. */
  prepareClips() {
    if (!this.withRecordings) return;
    // Marked handled here; a failure surfaces where the clip is used.
    for (const spoken of Object.values(SPOKEN)) this.clip(spoken).catch(() => undefined);
  }

  /** The clip for a recorded answer, made once. */
  private clip(spoken: Spoken): Promise<DemoClip> {
    const key = `${spoken.kind}:${spoken.voice}:${spoken.says}`;
    if (!this.clips.has(key)) this.clips.set(key, spokenClip(spoken.kind, spoken.says, spoken.voice));
    return this.clips.get(key)!;
  }
}

/** `hour`:00 UTC on the day `days` away from `now`'s (UTC) day. */
function day(now: Date, days: number, hour: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour));
}

const ROBOTICS = "Robotics Software Engineer";
const FIELD = "Field Service Technician";

/** The history, relative to `now` (the real time the seed runs); nothing in it happens after `now`. */
function stories(now: Date): Story[] {
  const hourFromNow = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return [
    {
      token: "amara-reviewed",
      candidate: { name: "Amara Okafor", email: "amara.okafor@example.com", timeZone: "Africa/Lagos" },
      job: ROBOTICS,
      durationMinutes: 30,
      notes: "Referred by the motion-planning team.",
      scheduledFrom: day(now, -9, 12),
      scheduledAt: day(now, -6, 9),
      then: async (w, interview) => {
        await w.takeInterview(interview, addMinutes(interview.scheduledAt, 3), [
          SPOKEN.amaraVideo,
          "Two layers. A global planner on the warehouse map (A* over a lattice that respects the turning radius) picks the route, and a local planner replans ten times a second around whatever the lidar sees. People get a wider safety margin than pallets, the speed limit drops when anyone is within two metres, and the robot waits at aisle ends instead of negotiating. Every stop is logged with its reason, so we can tell a cautious robot from a lost one.",
          SPOKEN.amaraAudio,
          "Motion planning first, since that is the role, and above all how you test it: whether recorded sensor logs are replayed in simulation before a release. Then the fleet manager, because most strange robot behaviour I have debugged started as a surprising instruction from above.",
        ]);
        const review = day(now, -5, 10);
        const { answers } = await w.answers(interview.id);
        const ratings: Array<[number, string]> = [
          [4, "Concrete, honest about a hardware failure."],
          [5, "Clear layering; safety margins for people unprompted."],
          [4, "Found the root cause, not just the symptom."],
          [3, "Fine; a little generic."],
        ];
        for (const [i, [rating, notes]] of ratings.entries()) await w.at(addMinutes(review, i * 3), () => saveRating(w.by, interview.id, answers[i]!, { rating, notes }));
        await w.at(addMinutes(review, 14), () => saveRecommendation(w.by, interview.id, { recommendation: ScoreRecommendation.YES, comment: "Strong on planning and debugging." }));
        await w.at(addMinutes(review, 15), () => submitScorecard(w.by, interview.id));
        await w.at(addMinutes(review, 20), () => decide(w.by, interview.id, { decision: Decision.ADVANCE, comment: "Strong on planning and debugging. Invite to the on-site round." }));
      },
    },
    {
      token: "liam-to-review",
      candidate: { name: "Liam Walsh", email: "liam.walsh@example.com", timeZone: "Europe/Dublin" },
      job: FIELD,
      durationMinutes: 20,
      scheduledFrom: day(now, -4, 10),
      scheduledAt: day(now, -1, 14),
      then: async (w, interview) => {
        await w.takeInterview(
          interview,
          addMinutes(interview.scheduledAt, 1),
          [
            SPOKEN.liamVideo,
            SPOKEN.liamAudio,
            "Lock out and tag out the main supply, then prove it is dead with a meter I have just tested on a live source. Discharge the drive capacitors and wait the time on the label. Put the robot on stands so the wheels cannot touch the floor, and tell the site supervisor which area is closed.",
          ],
          { pasteOn: 2 },
        );
      },
    },
    {
      token: "hana-in-progress",
      candidate: { name: "Hana Sato", email: "hana.sato@example.com", timeZone: "Asia/Tokyo" },
      job: ROBOTICS,
      durationMinutes: 30,
      scheduledFrom: day(now, -2, 1),
      scheduledAt: subMinutes(now, 6),
      then: async (w, interview) => {
        await w.takeInterview(
          interview,
          subMinutes(now, 5),
          [SPOKEN.hanaVideo],
          { draft: "Plan on the warehouse map first, on a lattice that respects the turning radius, then" },
        );
      },
    },
    {
      token: "jonas-expired",
      candidate: { name: "Jonas Berg", email: "jonas.berg@example.com", timeZone: "Europe/Stockholm" },
      job: FIELD,
      durationMinutes: 20,
      scheduledFrom: day(now, -6, 9),
      scheduledAt: day(now, -3, 8),
      then: async (w, interview) => {
        await w.remindersUntil(interview.id, interview.scheduledAt);
        // Never opened: the background round expires it once its join window has closed.
        await w.at(addMinutes(interview.scheduledAt, 16), () => sweepInterviews());
      },
    },
    {
      token: "sofia-cancelled",
      candidate: { name: "Sofia Rossi", email: "sofia.rossi@example.com", timeZone: "Europe/Rome" },
      job: ROBOTICS,
      durationMinutes: 30,
      scheduledFrom: day(now, -5, 11),
      scheduledAt: day(now, 1, 15),
      then: async (w, interview) => {
        const cancelledAt = day(now, -2, 10);
        await w.at(cancelledAt, () => cancelInterview(w.by, interview.id));
        await w.deliverAt(cancelledAt);
      },
    },
    {
      token: "diego-rescheduled",
      candidate: { name: "Diego Fernández", email: "diego.fernandez@example.com", timeZone: "America/Mexico_City" },
      job: FIELD,
      durationMinutes: 20,
      notes: "Asked for a later day; moved once.",
      scheduledFrom: day(now, -3, 13),
      scheduledAt: day(now, 1, 16),
      then: async (w, interview) => {
        const movedAt = day(now, -1, 9);
        await w.at(movedAt, () => rescheduleInterview(w.by, interview.id, { scheduledAt: day(now, 2, 16), durationMinutes: 20 }));
        await w.deliverAt(movedAt);
      },
    },
    {
      token: "priya-today",
      candidate: { name: "Priya Raman", email: "priya.raman@example.com", timeZone: "Asia/Kolkata" },
      job: ROBOTICS,
      durationMinutes: 30,
      scheduledFrom: subMinutes(now, 25),
      scheduledAt: addHours(hourFromNow, 3),
    },
  ];
}
