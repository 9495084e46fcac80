import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/accounts/auth";

export default async function Home() {
  redirect((await currentUserId()) ? "/interviews" : "/sign-in");
}
