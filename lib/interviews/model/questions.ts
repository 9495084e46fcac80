import type { AnswerType } from "@/lib/generated/prisma/enums";

/** How many questions, and which answer types, in a stable order. */
export function summariseQuestions(questions: Array<{ answerType: AnswerType }>) {
  const order: AnswerType[] = ["TEXT", "VIDEO", "AUDIO"];
  const present = new Set(questions.map((q) => q.answerType));
  return { questionCount: questions.length, answerTypes: order.filter((t) => present.has(t)) };
}
