import { connection } from "next/server";
import { isTemplateName, previewMessage, renderEmail } from "@/lib/email/templates";

// Development only: shows a template rendered with its PreviewProps, as HTML or (?format=text) text.
export async function GET(request: Request, { params }: { params: Promise<{ template: string }> }) {
  await connection();
  if (process.env.NODE_ENV === "production") return new Response("Not found", { status: 404 });

  const { template } = await params;
  if (!isTemplateName(template)) return new Response("Not found", { status: 404 });

  const email = await renderEmail(previewMessage(template));
  const asText = new URL(request.url).searchParams.get("format") === "text";
  return new Response(asText ? `Subject: ${email.subject}\n\n${email.text}` : email.html, {
    headers: {
      "content-type": asText ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
      "cache-control": "no-store",
    },
  });
}
