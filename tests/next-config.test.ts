import { describe, expect, it } from "vitest";
import nextConfig from "../next.config";

describe("next.config.ts", () => {
  // Next 16's `next dev` logs each server function call with its arguments unless told not to,
  // which put candidates' answers (saveAnswerAction's text) into the developer's terminal.
  it("turns off next dev's logging of server function arguments", () => {
    expect(nextConfig.logging).not.toBe(undefined);
    expect(nextConfig.logging && nextConfig.logging.serverFunctions).toBe(false);
  });
});
