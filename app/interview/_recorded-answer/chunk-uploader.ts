/**
 * Sends a recording's chunks to the server while it is being recorded, in order, one at a time,
 * retrying network errors and 5xx/429 answers with backoff — so a closed tab loses at most the
 * chunk in flight, and a flaky connection only delays the upload. A 4xx refusal (too large, wrong
 * type, time up) stops the upload with the server's message.
 */
export class ChunkUploader {
  private readonly chunks: Blob[] = [];
  private readonly queue: number[] = [];
  private sent = new Set<number>();
  private running: Promise<void> | null = null;
  private failure: UploadError | null = null;
  private uploadedBytes = 0;
  private recordedBytes = 0;

  constructor(
    readonly recordingId: string,
    private readonly contentType: string,
    private readonly onProgress: (progress: UploadProgress) => void,
    private readonly retryDelaysMs: number[] = [500, 1000, 2000, 4000, 8000],
  ) {}

  /** Queues the next chunk (MediaRecorder's dataavailable) and starts sending if idle. */
  push(blob: Blob) {
    if (blob.size === 0) return;
    this.chunks.push(blob);
    this.recordedBytes += blob.size;
    this.queue.push(this.chunks.length - 1);
    this.report();
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Everything recorded so far, for playing the take back locally. */
  blob(): Blob {
    return new Blob(this.chunks, { type: this.contentType });
  }

  /** Waits for every chunk, tells the server how many there are (and how long the take was), and sends again whatever it lacks. */
  async finish(durationMs: number): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await this.idle();
      if (this.failure) throw this.failure;
      const response = await this.request(`/interview/recordings/${this.recordingId}/finish`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ chunks: this.chunks.length, durationMs: Math.round(durationMs) }),
      });
      const { finished, missing } = (await response.json()) as { finished: boolean; missing: number[] };
      // Finished with parts missing: the answer was submitted meanwhile, and nothing more is taken.
      if (finished || missing.length === 0) return;
      for (const seq of missing) {
        this.sent.delete(seq);
        if (seq < this.chunks.length) this.queue.push(seq);
      }
      this.running ??= this.drain().finally(() => {
        this.running = null;
      });
    }
    throw new UploadError("incomplete", "Part of your recording did not reach us. Please record again.");
  }

  private async idle() {
    while (this.running) await this.running;
  }

  private async drain() {
    while (this.queue.length > 0 && !this.failure) {
      const seq = this.queue.shift()!;
      if (this.sent.has(seq)) continue;
      const blob = this.chunks[seq]!;
      try {
        await this.request(`/interview/recordings/${this.recordingId}/chunks/${seq}`, { method: "PUT", headers: { "Content-Type": this.contentType }, body: blob });
        this.sent.add(seq);
        this.uploadedBytes += blob.size;
        this.report();
      } catch (error) {
        this.failure = error instanceof UploadError ? error : new UploadError("failed", "Your recording could not be uploaded.");
        this.report();
      }
    }
  }

  /** A fetch that retries what may succeed later and throws UploadError for what will not. */
  private async request(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let retryable: string;
      try {
        const response = await fetch(url, { ...init, credentials: "same-origin" });
        if (response.ok) {
          if (attempt > 0) this.report({ retrying: false });
          return response;
        }
        if (response.status < 500 && response.status !== 429) {
          const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
          throw new UploadError(body?.error?.code ?? "refused", body?.error?.message ?? "The upload was refused.");
        }
        retryable = `The server answered ${response.status}`;
      } catch (error) {
        if (error instanceof UploadError) throw error;
        retryable = "The connection dropped";
      }
      // Network trouble: keep trying, more slowly, and say so.
      this.report({ retrying: true });
      const delay = this.retryDelaysMs[Math.min(attempt, this.retryDelaysMs.length - 1)]!;
      if (attempt > 60) throw new UploadError("failed", `${retryable}; your recording could not be uploaded.`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private report(extra: { retrying?: boolean } = {}) {
    this.onProgress({
      uploadedBytes: this.uploadedBytes,
      recordedBytes: this.recordedBytes,
      error: this.failure?.message ?? null,
      ...(extra.retrying !== undefined ? { retrying: extra.retrying } : {}),
    });
  }
}

export interface UploadProgress {
  uploadedBytes: number;
  recordedBytes: number;
  error: string | null;
  retrying?: boolean;
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}
