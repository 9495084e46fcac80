import { z } from "zod";

export const ANSWER_TYPES = ["TEXT", "VIDEO", "AUDIO"] as const;
export const WORKPLACE_TYPES = ["ONSITE", "HYBRID", "REMOTE"] as const;
export const MAX_QUESTIONS = 30;

const seconds = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number of seconds.`)
    .min(min, `${label} must be at least ${min} seconds.`)
    .max(max, `${label} must be at most ${max} seconds.`);

export const questionSchema = z.object({
  id: z.string().max(40).optional(),
  prompt: z.string().trim().min(1, "Write the question.").max(1000, "Use at most 1,000 characters."),
  answerType: z.enum(ANSWER_TYPES, { error: "Choose text, video or audio." }),
  prepSeconds: seconds("Preparation time", 0, 600),
  answerSeconds: seconds("Answer time", 10, 3600),
  retakes: z.coerce
    .number({ error: "Retakes must be a number." })
    .int("Retakes must be a whole number.")
    .min(0, "Retakes cannot be negative.")
    .max(10, "Allow at most 10 retakes."),
});

export const jobSchema = z.object({
  title: z.string().trim().min(1, "Give the job a title.").max(160, "Use at most 160 characters."),
  description: z.string().trim().max(5000, "Use at most 5,000 characters."),
  location: z.string().trim().max(160, "Use at most 160 characters."),
  workplaceType: z.enum(WORKPLACE_TYPES, { error: "Choose on-site, hybrid or remote." }),
  questions: z
    .array(questionSchema)
    .min(1, "Add at least one interview question.")
    .max(MAX_QUESTIONS, `Use at most ${MAX_QUESTIONS} questions.`),
});

export type JobFormInput = z.infer<typeof jobSchema>;

/**
 * Reads the job form. Each question row repeats the same field names, so getAll() returns them
 * in the order the rows are on the page — which is the order the recruiter chose.
 */
export function jobFromFormData(formData: FormData) {
  const column = (name: string) => formData.getAll(`question.${name}`).map(String);
  const prompts = column("prompt");
  const [ids, types, prep, answer, retakes] = ["id", "answerType", "prepSeconds", "answerSeconds", "retakes"].map(column);
  return {
    title: formData.get("title") ?? "",
    description: formData.get("description") ?? "",
    location: formData.get("location") ?? "",
    workplaceType: formData.get("workplaceType") ?? "",
    questions: prompts.map((prompt, i) => ({
      id: ids![i] || undefined,
      prompt,
      answerType: types![i],
      prepSeconds: prep![i],
      answerSeconds: answer![i],
      retakes: retakes![i],
    })),
  };
}
