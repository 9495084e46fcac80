import "server-only";
import { problem } from "@/lib/api/problem";
import { withoutNul } from "@/lib/fields";
import { json, partnerHandler, readJson } from "./handler";
import { listTests, recordResponseError, responseErrorBody, testStatus, testStatusQuery } from "./partner";
import { sendTest, sendTestBody } from "./send-test";

// The four endpoints a customer gives Greenhouse (app/api/greenhouse/*/route.ts export these), and
// the scope each needs of the key: reading needs interviews:read, sending a test interviews:write.

/** GET list_tests: the organisation's open jobs as tests. */
export const listTestsHandler = partnerHandler("list_tests", "interviews:read", async ({ caller }) => json(await listTests(caller)));

/** POST send_test: invites the candidate; answers `{partner_interview_id}`, the same one for a retried request. */
export const sendTestHandler = partnerHandler("send_test", "interviews:write", async ({ caller, presentedKey, request }) => {
  const body = await readJson(request, sendTestBody);
  if (!body.ok) return body.response;
  const { partnerInterviewId } = await sendTest(caller, presentedKey, body.data);
  return json({ partner_interview_id: partnerInterviewId });
});

/** GET test_status?partner_interview_id=…: the test instance's status, score and review link. */
export const testStatusHandler = partnerHandler("test_status", "interviews:read", async ({ caller, request }) => {
  const url = new URL(request.url);
  const query = testStatusQuery.safeParse({ partner_interview_id: withoutNul(url.searchParams.get("partner_interview_id") ?? "") });
  if (!query.success) return problem(400, "invalid_request", "Give partner_interview_id, the id send_test answered with.", { errors: [{ pointer: "?partner_interview_id", detail: "Required." }] });
  return json(await testStatus(caller, query.data.partner_interview_id));
});

/** POST response_error: Greenhouse tells us an answer of ours did not validate; logged, answered `{status: 200}`. */
export const responseErrorHandler = partnerHandler("response_error", "interviews:read", async ({ caller, request }) => {
  const body = await readJson(request, responseErrorBody);
  if (!body.ok) return body.response;
  recordResponseError(caller, body.data);
  return json({ status: 200 });
});
