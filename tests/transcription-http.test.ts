import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpEngineConfig } from "@/lib/transcription/config";
import { TranscriptionError, type AudioInput } from "@/lib/transcription/engine";
import { createHttpEngine, MAX_RETRY_AFTER_MS, retryAfter } from "@/lib/transcription/openai";
import { startTranscriberStandIn, STAND_IN_TRANSCRIPT } from "./support/transcriber-stand-in";

// The OpenAI-compatible engine against a local stand-in of the API: what it sends, what it makes of
// the answers, and which failures it calls retryable. No database.

const KEY = "sk-test-3f9a1c7e5b2d4e6f8a0b";

let dir: string;
let audio: AudioInput;
let standIn: Awaited<ReturnType<typeof startTranscriberStandIn>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kairos-transcription-http-"));
  const wavPath = path.join(dir, "x.wav");
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ar", "16000", "-ac", "1", wavPath]);
  audio = { wavPath, durationMs: 1000 };
  standIn = await startTranscriberStandIn({ apiKey: KEY });
});

afterAll(async () => {
  await standIn?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const engine = (overrides: Partial<HttpEngineConfig> = {}) => createHttpEngine({ url: standIn.url, apiKey: KEY, model: "whisper-1", timeoutMs: 10_000, ...overrides });

/** The TranscriptionError `promise` rejects with (fails the test when it resolves or throws anything else). */
async function failure(promise: Promise<unknown>): Promise<TranscriptionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranscriptionError);
  return error as TranscriptionError;
}

describe("the OpenAI-compatible engine", () => {
  it("sends the WAV as multipart with the model, verbose_json, segment timestamps, the language and the key, and reads the segments in ms", async () => {
    const before = standIn.requests.length;
    const result = await engine().transcribe(audio, { language: "en" });

    expect(result).toEqual({
      text: "I led the migration to the new billing system.",
      segments: [
        { startMs: 0, endMs: 420, text: "I led the migration" },
        { startMs: 420, endMs: 960, text: "to the new billing system." },
      ],
      engine: "openai",
      model: "whisper-1",
    });
    expect(standIn.requests).toHaveLength(before + 1);
    const request = standIn.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/audio/transcriptions");
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.formError).toBeNull();
    expect(request.fields).toEqual({ model: ["whisper-1"], response_format: ["verbose_json"], "timestamp_granularities[]": ["segment"], language: ["en"] });
    expect(request.file).toEqual({ name: "audio.wav", type: "audio/wav", size: statSync(audio.wavPath).size, firstBytes: "RIFF" });
    // 1 s of 16 kHz mono 16-bit PCM and a header: the whole file went, not a prefix.
    expect(request.file!.size).toBeGreaterThan(32_000);
  });

  it("sends no Authorization header when no key is set (a self-hosted server)", async () => {
    standIn.respondWith([{ status: 200, body: STAND_IN_TRANSCRIPT }]);
    await engine({ apiKey: null, model: "Systran/faster-whisper-small" }).transcribe(audio, { language: "de" });
    const request = standIn.requests.at(-1)!;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.fields.model).toEqual(["Systran/faster-whisper-small"]);
    expect(request.fields.language).toEqual(["de"]);
  });

  it("makes a 429 retryable after the service's Retry-After, in seconds or as an HTTP date, at most an hour", async () => {
    standIn.respondWith([{ status: 429, retryAfter: 3 }]);
    const seconds = await failure(engine().transcribe(audio, { language: "en" }));
    expect(seconds.retryable).toBe(true);
    expect(seconds.retryAfterMs).toBe(3000);
    expect(seconds.message).toContain("429");

    standIn.respondWith([{ status: 429, retryAfter: new Date(Date.now() + 90_000).toUTCString() }]);
    const date = await failure(engine().transcribe(audio, { language: "en" }));
    expect(date.retryable).toBe(true);
    // An HTTP date has whole seconds: 89–90 s from now, less the request's own time.
    expect(date.retryAfterMs).toBeGreaterThan(85_000);
    expect(date.retryAfterMs).toBeLessThanOrEqual(90_000);

    standIn.respondWith([{ status: 429, retryAfter: 86_400 }]);
    expect((await failure(engine().transcribe(audio, { language: "en" }))).retryAfterMs).toBe(MAX_RETRY_AFTER_MS);

    standIn.respondWith([{ status: 429 }]);
    const none = await failure(engine().transcribe(audio, { language: "en" }));
    expect(none.retryable).toBe(true);
    expect(none.retryAfterMs).toBeUndefined();
  });

  it("reads Retry-After's forms and ignores what is not one", () => {
    const at = Date.parse("2026-12-07T12:00:00Z");
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfter(h({ "retry-after": "120" }), at)).toBe(120_000);
    expect(retryAfter(h({ "retry-after": "Mon, 07 Dec 2026 12:00:30 GMT" }), at)).toBe(30_000);
    expect(retryAfter(h({ "retry-after": "Mon, 07 Dec 2026 11:59:00 GMT" }), at)).toBe(0);
    expect(retryAfter(h({ "retry-after-ms": "1500", "retry-after": "9" }), at)).toBe(1500);
    expect(retryAfter(h({ "retry-after": "soon" }), at)).toBeUndefined();
    expect(retryAfter(h({ "retry-after": "-5" }), at)).toBeUndefined();
    expect(retryAfter(h({}), at)).toBeUndefined();
  });

  it("makes a 500 retryable, naming the status but not the body", async () => {
    standIn.respondWith([{ status: 500 }]);
    const error = await failure(engine().transcribe(audio, { language: "en" }));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("500");
    expect(error.message).not.toContain("must not reach");
  });

  it("calls 408, 409 and 5xx retryable, and a refused request (400, 403, 404, 413, 415, 422) not", async () => {
    const cases: Array<[number, boolean]> = [
      [408, true],
      [409, true],
      [502, true],
      [503, true],
      [400, false],
      [403, false],
      [404, false],
      [413, false],
      [415, false],
      [422, false],
    ];
    for (const [status, retryable] of cases) {
      standIn.respondWith([{ status, body: { error: { message: `secret body ${KEY}` } } }]);
      const error = await failure(engine().transcribe(audio, { language: "en" }));
      expect({ status, retryable: error.retryable }).toEqual({ status, retryable });
      expect(error.message).toContain(String(status));
      expect(error.message).not.toContain("secret body");
      expect(error.message).not.toContain(KEY);
    }
  });

  it("keeps a 503's Retry-After", async () => {
    standIn.respondWith([{ status: 503, retryAfter: 20 }]);
    const error = await failure(engine().transcribe(audio, { language: "en" }));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(20_000);
  });

  it("gives up on a service that never answers after timeoutMs, retryably", async () => {
    standIn.respondWith([{ hang: true }]);
    const started = performance.now();
    const error = await failure(engine({ timeoutMs: 300 }).transcribe(audio, { language: "en" }));
    const elapsed = performance.now() - started;
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/did not answer within 300 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("times out a service that starts an answer and stalls", async () => {
    standIn.respondWith([{ stall: true }]);
    const started = performance.now();
    const error = await failure(engine({ timeoutMs: 300 }).transcribe(audio, { language: "en" }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/did not answer within/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("stops when the caller's signal aborts, long before its own timeout", async () => {
    standIn.respondWith([{ hang: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(engine({ timeoutMs: 60_000 }).transcribe(audio, { language: "en", signal: controller.signal }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/stopped/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("calls an unreachable service retryable", async () => {
    const gone = await startTranscriberStandIn();
    const url = gone.url;
    await gone.close();
    const error = await failure(engine({ url }).transcribe(audio, { language: "en" }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });

  it("calls an answer that is not JSON, or not a transcript, retryable", async () => {
    const answers = [{ status: 200, raw: "not json{" }, { status: 200, body: { segments: [] } }, { status: 200, body: { text: "hi", segments: [{ start: "0", end: 1, text: "hi" }] } }];
    for (const answer of answers) {
      standIn.respondWith([answer]);
      const error = await failure(engine().transcribe(audio, { language: "en" }));
      expect(error.retryable).toBe(true);
      expect(error.message).toBe("The transcription service's answer could not be read.");
    }
  });

  it("calls a refused key not retryable, without the key or the service's body in the message", async () => {
    const wrongKey = "sk-wrong-9e8d7c6b5a4f3e2d1c0b";
    const error = await failure(engine({ apiKey: wrongKey }).transcribe(audio, { language: "en" }));
    // The stand-in really refused it, quoting the key in its body as OpenAI does.
    expect(standIn.requests.at(-1)!.headers.authorization).toBe(`Bearer ${wrongKey}`);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe("The transcription service refused the API key (401).");
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain("Incorrect API key");
  });

  it("asks for a key when a service that wants one was given none", async () => {
    const error = await failure(engine({ apiKey: null }).transcribe(audio, { language: "en" }));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/wants an API key \(401\).*TRANSCRIPTION_API_KEY/);
  });

  it("makes an answer without segments one segment over the whole audio", async () => {
    standIn.respondWith([{ status: 200, body: { text: " Hello there. " } }]);
    const result = await engine().transcribe(audio, { language: "en" });
    expect(result.text).toBe("Hello there.");
    expect(result.segments).toEqual([{ startMs: 0, endMs: 1000, text: "Hello there." }]);
  });

  it("takes an empty text as no speech, not as an error", async () => {
    standIn.respondWith([{ status: 200, body: { text: "", segments: [{ start: 0, end: 1, text: "  " }] } }]);
    const result = await engine().transcribe(audio, { language: "en" });
    expect(result).toEqual({ text: "", segments: [], engine: "openai", model: "whisper-1" });
  });

  it("puts segments in order, within the audio, rounded to ms, without empty ones", async () => {
    standIn.respondWith([
      {
        status: 200,
        body: {
          text: "b a c",
          segments: [
            { start: 0.5004, end: 0.8, text: " b " },
            { start: -0.2, end: 0.3336, text: "a" },
            { start: 0.6, end: 0.7, text: "" },
            { start: 0.9, end: 1.7, text: "c" },
          ],
        },
      },
    ]);
    const result = await engine().transcribe(audio, { language: "en" });
    expect(result.segments).toEqual([
      { startMs: 0, endMs: 334, text: "a" },
      { startMs: 500, endMs: 800, text: "b" },
      { startMs: 900, endMs: 1000, text: "c" },
    ]);
  });

  it("is available when the URL parses, and says why not otherwise", async () => {
    expect(await engine().unavailable()).toBeNull();
    expect(await engine({ url: "api.openai.com/v1" }).unavailable()).toMatch(/TRANSCRIPTION_API_URL/);
    expect(await engine({ url: "ftp://example.com/v1" }).unavailable()).toMatch(/http\(s\)/);
    expect(engine().name).toBe("openai");
    expect(engine({ model: "whisper-large-v3-turbo" }).model).toBe("whisper-large-v3-turbo");
  });
});
