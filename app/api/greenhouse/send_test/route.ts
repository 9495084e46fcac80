import { after } from "next/server";
import { wakeDispatcher } from "@/lib/background";
import { sendTestHandler } from "@/lib/greenhouse/routes";

// Greenhouse's Assessment Partner API (README → Greenhouse). The invitation goes out at once
// rather than on the poller's next round.
export async function POST(request: Request) {
  const response = await sendTestHandler(request);
  if (response.ok) after(wakeDispatcher);
  return response;
}
