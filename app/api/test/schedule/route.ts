import { after } from "next/server";
import { z } from "zod";
import { wakeDispatcher } from "@/lib/background";
import { FieldError, NotFoundError } from "@/lib/errors";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { testHooksEnabled, testWakeDelayMs } from "@/lib/testing";

const body = z.object({
  organizationId: z.string().min(1).max(60),
  userId: z.string().min(1).max(60),
  jobId: z.string().min(1).max(60),
  candidateId: z.string().min(1).max(60),
  requestToken: z.string().min(1).max(100),
  scheduledAt: z.coerce.date().optional(),
  durationMinutes: z.number().int().min(5).max(240).default(30),
});

/**
 * Reliability runs only (KAIROS_TEST_HOOKS=1): schedules an interview over HTTP without a signed-in
 * browser, through the same lib function and the same post-commit wake as the server action
 * (`scheduleInterviewAction`), so many interviews can be scheduled through each of several servers.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const { organizationId, userId, jobId, candidateId, requestToken, scheduledAt, durationMinutes } = parsed.data;
  let result: { interviewId: string; created: boolean };
  try {
    result = await scheduleInterview(
      { userId, organizationId },
      { candidate: { id: candidateId }, jobId, scheduledAt: scheduledAt ?? null, durationMinutes, notes: "", requestToken },
    );
  } catch (error) {
    if (error instanceof FieldError || error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  }
  // As the server action: the invitation is in the outbox; send it after the response. The delay
  // (test hooks only) leaves a window to kill the server between the commit and the send.
  const delay = testWakeDelayMs();
  after(delay ? () => new Promise((resolve) => setTimeout(resolve, delay)).then(wakeDispatcher) : wakeDispatcher);
  return Response.json(result, { status: result.created ? 201 : 200 });
}
