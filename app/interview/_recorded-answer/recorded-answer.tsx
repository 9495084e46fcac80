"use client";

import { formatDuration } from "@/components/use-server-clock";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRecorder, type RecordingState } from "./use-recorder";

/**
 * A recorded (video or audio) answer: the preview during preparation, then recording with the
 * time left, stop early, play the take back, retake while retakes remain, submit. Chunks upload
 * while recording; when time runs out the recording stops and what was uploaded is submitted.
 */
export function RecordedAnswer(props: {
  answerId: string;
  kind: "VIDEO" | "AUDIO";
  preparing: boolean;
  /** Seconds left in the current phase (preparation or answer), from the server's clock. */
  remaining: number;
  recording: RecordingState;
  submitting: boolean;
  last: boolean;
  onStarted: (deadline: string) => void;
  onSubmit: () => void;
}) {
  const { kind, remaining, onSubmit } = props;
  const { phase, stream, preview, takesUsed, progress, uploaded, timeUp, start, stop } = useRecorder(props);
  const retakesLeft = props.recording.takesAllowed - takesUsed;
  const what = kind === "VIDEO" ? "video" : "audio";

  return (
    <div className="space-y-4">
      {kind === "VIDEO" && phase.name !== "review" && (
        <div className="relative overflow-hidden rounded-lg bg-ink-900">
          <video ref={preview} autoPlay muted playsInline aria-label="Your camera" className="aspect-video w-full -scale-x-100 object-cover" />
          {phase.name === "recording" && <RecordingBadge />}
        </div>
      )}
      {kind === "AUDIO" && phase.name === "recording" && (
        <p className="flex items-center gap-2 text-ink-800">
          <RecordingBadge inline /> Recording your answer…
        </p>
      )}

      {phase.name === "preparing" && (
        <div className="space-y-3">
          <p className="text-ink-700">Take a moment to think. Recording starts by itself when the preparation time ends.</p>
          <Button variant="secondary" onClick={() => void start()} disabled={!stream}>
            Start recording now
          </Button>
        </div>
      )}
      {phase.name === "starting" && <p className="text-ink-700">Starting the recording…</p>}
      {phase.name === "recording" && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-600">Stop when you are done; it stops by itself when time runs out.</p>
          <Button onClick={() => void stop()}>Stop recording</Button>
        </div>
      )}
      {phase.name === "saving" && <p className="text-ink-700">Saving your recording…</p>}
      {phase.name === "interrupted" && (
        <Alert tone="info">
          Your recording was interrupted. What reached us is saved. You have {formatDuration(remaining)} left on this question.
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={() => void start()} disabled={!stream || timeUp}>
              Continue recording
            </Button>
            <Button variant="secondary" onClick={onSubmit} disabled={props.submitting}>
              Submit what was saved
            </Button>
          </div>
        </Alert>
      )}
      {phase.name === "review" && (
        <div className="space-y-3">
          <h2 className="text-sm font-medium text-ink-800">Your {what} answer</h2>
          {kind === "VIDEO" ? (
            <video src={phase.src} controls playsInline aria-label="Your recorded answer" className="aspect-video w-full rounded-lg bg-ink-900" />
          ) : (
            <audio src={phase.src} controls aria-label="Your recorded answer" className="w-full" />
          )}
          <p className="text-sm text-ink-600">
            {phase.durationMs !== null && <>Length {formatDuration(Math.floor(phase.durationMs / 1000))}. </>}
            Take {takesUsed} of {props.recording.takesAllowed}.{" "}
            {retakesLeft > 0 ? `You can record again ${retakesLeft === 1 ? "once more" : `${retakesLeft} more times`}; a retake replaces this one.` : "No retakes left."}
          </p>
          <div className="flex flex-wrap justify-end gap-3">
            {retakesLeft > 0 && (
              <Button variant="secondary" onClick={() => void start()} disabled={!stream || props.submitting}>
                Retake ({retakesLeft} left)
              </Button>
            )}
            <Button onClick={onSubmit} disabled={props.submitting}>
              {props.submitting ? "Submitting…" : props.last ? "Submit and finish" : "Submit and continue"}
            </Button>
          </div>
        </div>
      )}
      {phase.name === "failed" && (
        <Alert tone="error">
          {phase.message}
          <div className="mt-3 flex flex-wrap gap-3">
            {stream && !timeUp && (
              <Button onClick={() => void start()} disabled={props.submitting}>
                Try again
              </Button>
            )}
            <Button variant="secondary" onClick={onSubmit} disabled={props.submitting}>
              {takesUsed > 0 ? "Submit what was saved" : "Skip this question"}
            </Button>
          </div>
        </Alert>
      )}

      {progress && (phase.name === "recording" || phase.name === "saving") && (
        <div className="space-y-1">
          <div className="flex justify-between text-xs text-ink-600">
            <span id="upload-label">{progress.retrying ? "Connection trouble — retrying the upload…" : "Uploaded"}</span>
            <span>{uploaded}%</span>
          </div>
          <div role="progressbar" aria-labelledby="upload-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={uploaded} className="h-1.5 overflow-hidden rounded bg-ink-100">
            <div className={`h-full ${progress.retrying ? "bg-warning-700" : "bg-accent-600"}`} style={{ width: `${uploaded}%` }} />
          </div>
        </div>
      )}
    </div>
  );
}

function RecordingBadge({ inline = false }: { inline?: boolean }) {
  return (
    <span className={`${inline ? "" : "absolute top-3 left-3"} inline-flex items-center gap-1.5 rounded-full bg-danger-600 px-2.5 py-1 text-xs font-semibold text-white`}>
      <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-white" /> REC
    </span>
  );
}
