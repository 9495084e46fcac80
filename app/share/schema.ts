import { z } from "zod";
import { emailField, nameField, recordId, textField } from "@/lib/fields";
import { ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { QUESTIONS_MAX, RATING } from "@/lib/limits";

const RATING_MESSAGE = `Choose a rating from ${RATING.min} to ${RATING.max}, or leave it unrated.`;
const RECOMMENDATION_MESSAGE = "Choose strong no, no, yes or strong yes.";

/** An external scorecard, left through a share link: who (typed in), a rating and notes per shown answer, a recommendation. */
export const externalScorecardSchema = z.object({
  shareLinkId: recordId,
  reviewerName: nameField("Enter your name."),
  reviewerEmail: emailField,
  ratings: z
    .array(
      z.object({
        answerId: recordId,
        rating: z.preprocess(
          (value) => (value === undefined || value === null || value === "" ? null : value),
          z.coerce.number({ error: RATING_MESSAGE }).int(RATING_MESSAGE).min(RATING.min, RATING_MESSAGE).max(RATING.max, RATING_MESSAGE).nullable(),
        ),
        notes: textField().default(""),
      }),
    )
    .max(QUESTIONS_MAX),
  recommendation: z.enum(ScoreRecommendation, { error: RECOMMENDATION_MESSAGE }),
  comment: textField().default(""),
});

export type ExternalScorecardForm = z.infer<typeof externalScorecardSchema>;

/**
 * The form's fields as the schema reads them: each shown answer sends `answerId` with its
 * `rating-<id>` and `notes-<id>` (so errors come back as `ratings.<index>.rating`).
 */
export function externalScorecardFromFormData(form: FormData): unknown {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    shareLinkId: text("shareLinkId") ?? "",
    reviewerName: text("reviewerName") ?? "",
    reviewerEmail: text("reviewerEmail") ?? "",
    ratings: form.getAll("answerId").map((id) => ({ answerId: id, rating: text(`rating-${String(id)}`), notes: text(`notes-${String(id)}`) ?? "" })),
    recommendation: text("recommendation") ?? "",
    comment: text("comment") ?? "",
  };
}
