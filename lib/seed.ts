import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/accounts/passwords";

export const DEMO_EMAIL = "recruiter@kairos.test";
export const DEMO_PASSWORD = "kairos-demo";
export const DEMO_ORGANIZATION = "Acme Robotics";

/** Creates the demo organisation (idempotent: does nothing if the demo recruiter exists). */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean }> {
  if (await prisma.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })) {
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: DEMO_ORGANIZATION } });
    await tx.user.create({
      // Verified, as a confirmed sign-up is: the demo schedules interviews (it emails the dev mailbox).
      data: { email: DEMO_EMAIL, name: "Riley Recruiter", passwordHash, role: "OWNER", organizationId: org.id, emailVerifiedAt: new Date() },
    });
    await tx.job.create({
      data: {
        organizationId: org.id,
        title: "Robotics Software Engineer",
        description: "Build the motion-planning stack for our warehouse robots, in C++ and Python.",
        location: "Berlin",
        workplaceType: "HYBRID",
        questions: {
          create: [
            { position: 0, prompt: "Tell us about a robot or embedded system you have shipped. What broke first?", answerType: "VIDEO", prepSeconds: 30, answerSeconds: 180, retakes: 1 },
            { position: 1, prompt: "How would you plan a path for a robot in a warehouse aisle that people also use?", answerType: "TEXT", prepSeconds: 60, answerSeconds: 600, retakes: 0 },
            { position: 2, prompt: "Describe a time you debugged a timing problem in real-time code.", answerType: "AUDIO", prepSeconds: 30, answerSeconds: 120, retakes: 1 },
            { position: 3, prompt: "Which parts of our stack would you want to learn first, and why?", answerType: "TEXT", prepSeconds: 15, answerSeconds: 300, retakes: 0 },
          ],
        },
      },
    });
    await tx.job.create({
      data: {
        organizationId: org.id,
        title: "Field Service Technician",
        description: "Install, maintain and repair our robots at customer sites across North America.",
        location: "Chicago, IL",
        workplaceType: "ONSITE",
        questions: {
          create: [
            { position: 0, prompt: "Walk us through how you would diagnose a robot that stops mid-route.", answerType: "VIDEO", prepSeconds: 30, answerSeconds: 120, retakes: 2 },
            { position: 1, prompt: "How do you explain a technical fault to a customer who is upset?", answerType: "AUDIO", prepSeconds: 30, answerSeconds: 120, retakes: 1 },
            { position: 2, prompt: "Which safety checks do you do before working on powered equipment?", answerType: "TEXT", prepSeconds: 15, answerSeconds: 240, retakes: 0 },
          ],
        },
      },
    });
    await tx.candidate.createMany({
      data: [
        { organizationId: org.id, name: "Amara Okafor", email: "amara.okafor@example.com", phone: "+234 803 555 0101", timeZone: "Africa/Lagos", notes: "Referred by the motion-planning team." },
        { organizationId: org.id, name: "Diego Fernández", email: "diego.fernandez@example.com", timeZone: "America/Mexico_City", notes: "" },
        { organizationId: org.id, name: "Hana Sato", email: "hana.sato@example.com", phone: "+81 90 5555 0199", timeZone: "Asia/Tokyo", notes: "Prefers morning slots." },
        { organizationId: org.id, name: "Liam Walsh", email: "liam.walsh@example.com", timeZone: "Europe/Dublin", notes: "" },
      ],
    });
  });
  return { created: true };
}
