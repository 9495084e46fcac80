import { DEV_MAILBOX_TEST_OPT_IN, devMailboxOptedIn, productionConfigProblems } from "@/lib/config";

if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
  const problems = productionConfigProblems();
  if (problems.length > 0) {
    console.error(`Kairos cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  if (devMailboxOptedIn()) {
    console.warn(
      `WARNING: KAIROS_DEV_MAILBOX=${DEV_MAILBOX_TEST_OPT_IN}: email goes to /dev/mailbox, where members read it with its session keys. ` +
        "This is a test server; never run a deployment like this.",
    );
  }
}
