import { productionConfigProblems } from "@/lib/config";

if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
  const problems = productionConfigProblems();
  if (problems.length > 0) {
    console.error(`Kairos cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
}
