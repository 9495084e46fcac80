import { devToolsEnabled } from "@/lib/config";
import { findMailboxMessage } from "@/lib/email/mailbox";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devToolsEnabled()) return new Response("Not found", { status: 404 });
  const message = await findMailboxMessage((await params).id);
  const index = Number(new URL(request.url).searchParams.get("index") ?? 0);
  const attachment = message?.attachments[index];
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(attachment.content, "base64"), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
