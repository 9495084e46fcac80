import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { ActorType, AnswerType, InterviewStatus } from "@/lib/generated/prisma/enums";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { transcriptionNotice } from "@/lib/interviews/transcripts/notice";
import { deploymentTranscription, findTranscriptionSetting, setTranscriptionEnabled } from "@/lib/interviews/transcripts/settings";
import { setTranscriptionEngine, type TranscriptionEngine } from "@/lib/transcription";
import { makeInterviewRow, makeMember, makeOrg, question } from "./support/factories";

afterEach(() => {
  vi.unstubAllEnvs();
  setTranscriptionEngine(undefined);
});

/** An engine that never runs: only its name, model and availability matter here. */
function fakeEngine(name: "offline" | "openai", model: string, unavailable: string | null): TranscriptionEngine {
  return { name, model, unavailable: async () => unavailable, transcribe: () => Promise.reject(new Error("not in these tests")) };
}

describe("the organisation's transcription switch", () => {
  it("is on by default; an owner or admin turns it off and on, each change an audit event with from and to", async () => {
    const org = await makeOrg("Transcripts");
    expect(await findTranscriptionSetting(org.organizationId)).toEqual({ transcriptionEnabled: true });
    await setTranscriptionEnabled({ userId: org.ownerId, organizationId: org.organizationId }, false);
    expect(await findTranscriptionSetting(org.organizationId)).toEqual({ transcriptionEnabled: false });
    const admin = await makeMember(org, "ADMIN");
    await setTranscriptionEnabled(admin, true);
    // The same value again (a second click, a second admin) changes nothing and records nothing.
    await setTranscriptionEnabled(admin, true);
    expect(await findTranscriptionSetting(org.organizationId)).toEqual({ transcriptionEnabled: true });
    const prisma = await db();
    const events = await prisma.auditEvent.findMany({ where: { organizationId: org.organizationId, type: "transcription.changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { from: true, to: false },
      { from: false, to: true },
    ]);
    expect(events[0]).toMatchObject({ actorType: ActorType.USER, actorId: org.ownerId, interviewId: null });
    expect(events[1]).toMatchObject({ actorType: ActorType.USER, actorId: admin.id });
  });

  it("refuses a recruiter, a reviewer and an owner of another organisation", async () => {
    const [org, other] = await Promise.all([makeOrg("Transcripts owner"), makeOrg("Transcripts other")]);
    for (const role of ["RECRUITER", "REVIEWER"] as const) {
      const user = await makeMember(org, role);
      await expect(setTranscriptionEnabled(user, false), role).rejects.toBeInstanceOf(StateError);
    }
    await expect(setTranscriptionEnabled({ userId: other.ownerId, organizationId: org.organizationId }, false)).rejects.toBeInstanceOf(StateError);
    expect(await findTranscriptionSetting(org.organizationId)).toEqual({ transcriptionEnabled: true });
    await expect(findTranscriptionSetting("cm0000000000000000000000a")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("what the settings page says about this deployment's engine", () => {
  it("none: nothing to check", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "none");
    setTranscriptionEngine(undefined);
    expect(await deploymentTranscription()).toEqual({ engine: "none", model: null, processor: null, problem: null });
  });

  it("offline: the engine's own reason when it cannot run here, and Vercel before anything else", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "offline");
    vi.stubEnv("FFMPEG_BIN", "/bin/true");
    setTranscriptionEngine(fakeEngine("offline", "en-us", null));
    expect(await deploymentTranscription()).toEqual({ engine: "offline", model: "en-us", processor: null, problem: null });
    setTranscriptionEngine(fakeEngine("offline", "en-us", "pocketsphinx_continuous is not installed on this host."));
    expect(await deploymentTranscription()).toMatchObject({ problem: "pocketsphinx_continuous is not installed on this host." });
    vi.stubEnv("VERCEL", "1");
    expect((await deploymentTranscription()).problem).toMatch(/Vercel/);
  });

  it("says when ffmpeg is missing, even if the engine itself could run", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "openai");
    vi.stubEnv("TRANSCRIPTION_API_URL", "https://api.openai.com/v1");
    vi.stubEnv("FFMPEG_BIN", "/nonexistent/ffmpeg");
    setTranscriptionEngine(fakeEngine("openai", "whisper-1", null));
    expect(await deploymentTranscription()).toEqual({ engine: "openai", model: "whisper-1", processor: "api.openai.com", problem: expect.stringMatching(/ffmpeg/) });
  });
});

/** An interview not started yet, of a job whose questions take these answer types. */
async function interviewWith(types: AnswerType[]) {
  const org = await makeOrg("Consent");
  const questions = types.map((answerType, i) => question(`Question ${i + 1}`, { answerType }));
  const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, new Date(Date.now() + 3600_000), questions);
  return { org, interviewId };
}

const ON_OUR_SERVERS = "Your recorded answers will be transcribed on Kairos's servers so the hiring team can read and search them; the transcript is never used to score you.";

describe("the consent step's sentence about transcripts", () => {
  it("appears for an interview with a recorded question, on this deployment's servers by default", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "");
    const { interviewId } = await interviewWith([AnswerType.TEXT, AnswerType.VIDEO]);
    expect((await loadCandidateView(interviewId)).transcriptionNotice).toBe(ON_OUR_SERVERS);
    const audio = await interviewWith([AnswerType.AUDIO]);
    expect((await loadCandidateView(audio.interviewId)).transcriptionNotice).toBe(ON_OUR_SERVERS);
  });

  it("names the processor when an OpenAI-compatible service hears the audio, and not when it is self-hosted", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "openai");
    vi.stubEnv("TRANSCRIPTION_API_URL", "https://api.openai.com/v1");
    const { interviewId } = await interviewWith([AnswerType.VIDEO]);
    expect((await loadCandidateView(interviewId)).transcriptionNotice).toBe(
      "Your recorded answers will be transcribed by api.openai.com so the hiring team can read and search them; the transcript is never used to score you.",
    );
    vi.stubEnv("TRANSCRIPTION_PROCESSOR", "OpenAI, L.L.C.");
    expect((await loadCandidateView(interviewId)).transcriptionNotice).toMatch(/^Your recorded answers will be transcribed by OpenAI, L\.L\.C\. so/);
    vi.stubEnv("TRANSCRIPTION_PROCESSOR", "self-hosted");
    expect((await loadCandidateView(interviewId)).transcriptionNotice).toBe(ON_OUR_SERVERS);
  });

  it("does not appear for an all-text interview, when the organisation switched it off, or when the deployment's engine is none", async () => {
    vi.stubEnv("TRANSCRIPTION_ENGINE", "offline");
    const text = await interviewWith([AnswerType.TEXT, AnswerType.TEXT]);
    expect((await loadCandidateView(text.interviewId)).transcriptionNotice).toBeNull();
    const recorded = await interviewWith([AnswerType.VIDEO]);
    await setTranscriptionEnabled({ userId: recorded.org.ownerId, organizationId: recorded.org.organizationId }, false);
    expect((await loadCandidateView(recorded.interviewId)).transcriptionNotice).toBeNull();
    await setTranscriptionEnabled({ userId: recorded.org.ownerId, organizationId: recorded.org.organizationId }, true);
    expect((await loadCandidateView(recorded.interviewId)).transcriptionNotice).toBe(ON_OUR_SERVERS);
    vi.stubEnv("TRANSCRIPTION_ENGINE", "none");
    expect((await loadCandidateView(recorded.interviewId)).transcriptionNotice).toBeNull();
    expect(transcriptionNotice({ answerTypes: [AnswerType.AUDIO], transcriptionEnabled: true })).toBeNull();
  });
});
