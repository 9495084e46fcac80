import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob, findJob, listJobs, setJobStatus, updateJob } from "@/lib/jobs";
import { jobInput, makeOrg, question } from "./support/factories";

/** A new job of a new organisation, with its saved questions. */
async function savedJob(prompts = ["First", "Second", "Third"]) {
  const { organizationId } = await makeOrg();
  const { id } = await createJob(organizationId, jobInput({}, prompts));
  const job = (await findJob(organizationId, id))!;
  return { organizationId, id, job, questions: job.questions };
}

describe("createJob", () => {
  it("stores the questions in order with positions 0..n-1", async () => {
    const { organizationId } = await makeOrg();
    const { id } = await createJob(
      organizationId,
      jobInput({ questions: [question("A", { answerType: "VIDEO", prepSeconds: 0, answerSeconds: 60, retakes: 2 }), question("B"), question("C")] }),
    );
    const job = await findJob(organizationId, id);
    expect(job).toMatchObject({ title: "Backend Engineer", location: "Berlin", workplaceType: "HYBRID", status: "OPEN" });
    expect(job!.questions.map((q) => [q.position, q.prompt])).toEqual([[0, "A"], [1, "B"], [2, "C"]]);
    expect(job!.questions[0]).toMatchObject({ answerType: "VIDEO", prepSeconds: 0, answerSeconds: 60, retakes: 2 });
  });
});

describe("updateJob", () => {
  it("keeps question ids when reordering and renumbers positions", async () => {
    const { organizationId, id, questions } = await savedJob();
    const reversed = [...questions].reverse();
    await updateJob(organizationId, id, jobInput({ title: "Renamed", questions: reversed.map((q) => question(q.prompt, { id: q.id })) }));

    const job = (await findJob(organizationId, id))!;
    expect(job.title).toBe("Renamed");
    expect(job.questions.map((q) => [q.position, q.id, q.prompt])).toEqual(reversed.map((q, i) => [i, q.id, q.prompt]));
  });

  it("adds new questions and deletes the ones left out", async () => {
    const { organizationId, id, questions: [first, second, third] } = await savedJob();
    await updateJob(organizationId, id, jobInput({ questions: [question(third.prompt, { id: third.id }), question("New"), question("First, edited", { id: first.id })] }));

    const { questions } = (await findJob(organizationId, id))!;
    expect(questions.map((q) => q.prompt)).toEqual(["Third", "New", "First, edited"]);
    expect(questions.map((q) => q.position)).toEqual([0, 1, 2]);
    expect(questions[0].id).toBe(third.id);
    expect(questions[2].id).toBe(first.id);
    expect([first.id, second.id, third.id]).not.toContain(questions[1].id);
    expect(await (await db()).question.findUnique({ where: { id: second.id } })).toBeNull();
  });

  it("treats another job's question id as a new question and leaves that question alone", async () => {
    const mine = await savedJob(["Mine"]);
    const theirs = await savedJob(["Theirs"]);
    const foreign = theirs.questions[0];

    await updateJob(mine.organizationId, mine.id, jobInput({ questions: [question("Stolen", { id: foreign.id })] }));

    const { questions } = (await findJob(mine.organizationId, mine.id))!;
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ prompt: "Stolen", position: 0 });
    expect(questions[0].id).not.toBe(foreign.id);
    expect(await findJob(theirs.organizationId, theirs.id)).toEqual(theirs.job);
  });

  it("changes nothing when a question fails to save", async () => {
    const { organizationId, id, job, questions } = await savedJob();
    const broken = jobInput({
      title: "Half-saved",
      questions: [question("Edited", { id: questions[0].id }), question("Bad", { answerType: "ESSAY" as never })],
    });

    await expect(updateJob(organizationId, id, broken)).rejects.toThrow();
    expect(await findJob(organizationId, id)).toEqual(job);
  });
});

describe("setJobStatus", () => {
  it("moves a job between the open and archived lists", async () => {
    const { organizationId, id } = await savedJob();
    await setJobStatus(organizationId, id, "ARCHIVED");
    expect((await listJobs(organizationId, "OPEN")).map((j) => j.id)).not.toContain(id);
    expect(await listJobs(organizationId, "ARCHIVED")).toMatchObject([{ id, status: "ARCHIVED", _count: { questions: 3 } }]);

    await setJobStatus(organizationId, id, "OPEN");
    expect((await listJobs(organizationId, "OPEN")).map((j) => j.id)).toEqual([id]);
  });
});
