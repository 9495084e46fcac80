import "server-only";
import { z } from "zod";
import type { ApiCaller } from "@/lib/api/keys";
import { interviewDetailJson } from "@/lib/api/v1/interview-json";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { JobStatus } from "@/lib/generated/prisma/enums";

// list_tests, test_status and response_error as Greenhouse's Assessment Partner API defines them:
// a test is one of the organisation's open jobs, a test instance is one interview.

/** list_tests: `[{partner_test_id, partner_test_name}]`, the jobs a candidate can be sent (open, with questions). */
export async function listTests(caller: ApiCaller) {
  const prisma = await db();
  const jobs = await prisma.job.findMany({
    where: { organizationId: caller.organizationId, status: JobStatus.OPEN, questions: { some: {} } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
  return jobs.map((job) => ({ partner_test_id: job.id, partner_test_name: job.title }));
}

/**
 * Kairos statuses as Greenhouse reads them: only "complete" means something to it (results are
 * ready; it stops asking); the others are shown as they are.
 */
const PARTNER_STATUS = {
  scheduled: "sent",
  in_progress: "in_progress",
  completed: "complete",
  cancelled: "cancelled",
  expired: "expired",
} as const;

export const testStatusQuery = z.object({ partner_interview_id: z.string().trim().min(1).max(100) });

/** test_status: the status, the review page, the scorecards' mean rating (1–5) and a flat metadata object. */
export async function testStatus(caller: ApiCaller, partnerInterviewId: string) {
  const prisma = await db();
  const link = await prisma.greenhouseAssessment.findFirst({ where: { interviewId: partnerInterviewId, organizationId: caller.organizationId }, select: { id: true } });
  if (!link) throw new NotFoundError("Test instance");
  const detail = await interviewDetailJson(caller.organizationId, partnerInterviewId);
  const { scorecards } = detail;
  const r = scorecards.recommendations;
  // Greenhouse shows these as they are: every value a primitive, nothing nested, no empty ones.
  const metadata: Record<string, string | number> = {
    Test: detail.job.title,
    Status: detail.status.replace("_", " "),
    ...(detail.opens_at && { "Sent At": detail.opens_at }),
    ...(detail.due_at && { "Due At": detail.due_at }),
    ...(detail.started_at && { "Started At": detail.started_at }),
    ...(detail.completed_at && { "Completed At": detail.completed_at }),
    "Scorecards Submitted": scorecards.submitted,
    ...(scorecards.overall_mean !== null && { "Mean Rating (1-5)": scorecards.overall_mean }),
    ...(scorecards.submitted > 0 && { Recommendations: `${r.strong_yes} strong yes, ${r.yes} yes, ${r.no} no, ${r.strong_no} strong no` }),
    ...(detail.decision && { Decision: detail.decision.outcome }),
  };
  return {
    partner_status: PARTNER_STATUS[detail.status as keyof typeof PARTNER_STATUS],
    partner_profile_url: `${appUrl()}/interviews/${detail.id}`,
    partner_score: scorecards.overall_mean,
    metadata,
  };
}

const idLike = z.union([z.string().max(200), z.number()]).nullish();

/** response_error: what Greenhouse could not accept from one of our answers. */
export const responseErrorBody = z.object({
  api_call: z.string().trim().min(1).max(100),
  errors: z.array(z.string().max(2_000)).max(100),
  partner_test_id: idLike,
  partner_test_name: z.string().max(500).nullish(),
  partner_interview_id: idLike,
  candidate_email: z.string().max(320).nullish(),
});

/**
 * Logs Greenhouse's report for whoever runs Kairos: the organisation, key and ids to find the
 * record by, and the errors (bounded). Not the candidate's address (personal data) nor the key.
 */
export function recordResponseError(caller: ApiCaller, report: z.output<typeof responseErrorBody>) {
  console.warn("greenhouse reported a malformed response", {
    organizationId: caller.organizationId,
    apiKeyId: caller.apiKeyId,
    apiCall: report.api_call,
    errors: report.errors.slice(0, 20).map((e) => e.slice(0, 300)),
    partnerTestId: report.partner_test_id ?? null,
    partnerInterviewId: report.partner_interview_id ?? null,
  });
}
