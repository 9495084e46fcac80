import { z } from "zod";
import { atMost, textField } from "@/lib/fields";
import { ANSWER_SECONDS, DAYS_TO_COMPLETE, JOB_LOCATION_MAX, JOB_TITLE_MAX, PREP_SECONDS, QUESTION_PROMPT_MAX, QUESTIONS_MAX, RETAKES_MAX } from "@/lib/limits";

export const ANSWER_TYPES = ["TEXT", "VIDEO", "AUDIO"] as const;
export const WORKPLACE_TYPES = ["ONSITE", "HYBRID", "REMOTE"] as const;
export const INTERVIEW_MODES = ["SCHEDULED", "DEADLINE"] as const;

const seconds = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number of seconds.`)
    .min(min, `${label} must be at least ${min} seconds.`)
    .max(max, `${label} must be at most ${max} seconds.`);

export const questionSchema = z.object({
  id: z.string().max(40).optional(),
  prompt: z.string().trim().min(1, "Write the question.").max(QUESTION_PROMPT_MAX, atMost(QUESTION_PROMPT_MAX)),
  answerType: z.enum(ANSWER_TYPES, { error: "Choose text, video or audio." }),
  prepSeconds: seconds("Preparation time", PREP_SECONDS.min, PREP_SECONDS.max),
  answerSeconds: seconds("Answer time", ANSWER_SECONDS.min, ANSWER_SECONDS.max),
  retakes: z.coerce
    .number({ error: "Retakes must be a number." })
    .int("Retakes must be a whole number.")
    .min(0, "Retakes cannot be negative.")
    .max(RETAKES_MAX, `Allow at most ${RETAKES_MAX} retakes.`),
});

export const jobSchema = z.object({
  title: z.string().trim().min(1, "Give the job a title.").max(JOB_TITLE_MAX, atMost(JOB_TITLE_MAX)),
  description: textField(),
  location: textField(JOB_LOCATION_MAX),
  workplaceType: z.enum(WORKPLACE_TYPES, { error: "Choose on-site, hybrid or remote." }),
  defaultInterviewMode: z.enum(INTERVIEW_MODES, { error: "Choose at a time or by a deadline." }),
  defaultDaysToComplete: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(DAYS_TO_COMPLETE.min, `Give candidates at least ${DAYS_TO_COMPLETE.min} day.`)
    .max(DAYS_TO_COMPLETE.max, `Give candidates at most ${DAYS_TO_COMPLETE.max} days.`),
  questions: z
    .array(questionSchema)
    .min(1, "Add at least one interview question.")
    .max(QUESTIONS_MAX, `Use at most ${QUESTIONS_MAX} questions.`),
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
    // Forms from before these fields (or without them) keep the defaults.
    defaultInterviewMode: formData.get("defaultInterviewMode") ?? "SCHEDULED",
    defaultDaysToComplete: formData.get("defaultDaysToComplete") ?? String(DAYS_TO_COMPLETE.default),
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
