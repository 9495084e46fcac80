import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_ORGANIZATION, DEMO_PASSWORD } from "@/lib/seed";
import { devBanner, type DevBannerInput } from "@/scripts/support/dev-banner";

const base: DevBannerInput = {
  url: "http://localhost:3000/",
  demo: { email: DEMO_EMAIL, password: DEMO_PASSWORD, organization: DEMO_ORGANIZATION },
  resend: false,
  postgres: false,
  emails: false,
};
const lines = (input: Partial<DevBannerInput>) => devBanner({ ...base, ...input }).split("\n").map((line) => line.trim());

describe("the banner npm run dev prints once the server answers", () => {
  it("says where to go, how to sign in and where email lands", () => {
    expect(lines({})).toEqual(
      expect.arrayContaining([
        "Kairos is ready:  http://localhost:3000",
        "Sign in as:       recruiter@kairos.test / kairos-demo  (Acme Robotics, the demo organisation)",
        "Email lands in:   http://localhost:3000/dev/mailbox  (account email: http://localhost:3000/dev/mailbox/account)",
        "Email previews:   http://localhost:3000/dev/emails  (npm run email)",
      ]),
    );
  });

  it("follows the origin it is given (PORT, NEXTAUTH_URL)", () => {
    const text = devBanner({ ...base, url: "http://localhost:3105" });
    expect(text).toContain("Kairos is ready:  http://localhost:3105\n");
    expect(text).toContain("http://localhost:3105/dev/mailbox");
    expect(text).not.toContain(":3000");
  });

  it("puts the email previews first for npm run email", () => {
    const shown = lines({ emails: true }).filter(Boolean);
    expect(shown[1]).toBe("Email previews:   http://localhost:3000/dev/emails");
    expect(shown.filter((line) => line.includes("/dev/emails"))).toHaveLength(1);
  });

  it("says when email really goes out, and when the demo organisation must be seeded first", () => {
    const text = devBanner({ ...base, resend: true, postgres: true });
    expect(text).toContain("Email:            sent through Resend (RESEND_API_KEY is set)");
    expect(text).not.toContain("/dev/mailbox");
    expect(text).toContain("npm run db:seed adds it");
  });

  it("boxes itself off from Next's output with rules as wide as its longest line", () => {
    const all = devBanner(base).split("\n");
    const rules = all.filter((line) => /^─+$/.test(line));
    expect(rules).toHaveLength(2);
    expect(rules[0]!.length).toBe(Math.max(...all.filter((line) => !/^─+$/.test(line)).map((line) => line.length)) + 1);
  });
});
