import { openApiDocument } from "@/lib/api/v1/openapi";

/** The API's OpenAPI 3.1 document: public (it describes the API, it holds no data). */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}
