import { problem } from "@/lib/api/problem";

/** Any other path under /api/v1: a problem document, as every answer of the API is, not the site's 404 page. */
function notFound() {
  return problem(404, "not_found", "There is no such API operation. The reference is at /docs/api.");
}
export const GET = notFound;
export const POST = notFound;
export const PATCH = notFound;
export const PUT = notFound;
export const DELETE = notFound;
