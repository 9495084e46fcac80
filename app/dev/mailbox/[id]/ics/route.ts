import { currentMember } from "@/lib/accounts/auth";
import { devToolsEnabled } from "@/lib/config";
import { findMailboxMessage } from "@/lib/email/mailbox";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devToolsEnabled()) return new Response("Not found", { status: 404 });
  // Readable as the message page is; anyone else gets the same 404 as for a missing message.
  const member = await currentMember();
  const message = await findMailboxMessage(member && { organizationId: member.organizationId, email: member.email }, (await params).id);
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
