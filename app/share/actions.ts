"use server";

import { cookies } from "next/headers";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { SHARE_COOKIE } from "@/lib/http/share";
import { LINK_NO_LONGER_AVAILABLE, submitExternalScorecard } from "@/lib/interviews/share/external-scorecard";
import { externalScorecardFromFormData, externalScorecardSchema } from "./schema";

/**
 * The scorecard of someone a share link was given to. The token comes from the link's cookie, never
 * from the form; lib/ judges it again under the link's lock, so a revoked or expired link takes nothing.
 */
export const submitExternalScorecardAction = defineAction(
  { caller: "anyone", name: "submit external scorecard", refuse: asFormState, notFound: LINK_NO_LONGER_AVAILABLE, args: [previousState, formInput(externalScorecardSchema, externalScorecardFromFormData)] },
  async (_context, _prev, input) => {
    await submitExternalScorecard((await cookies()).get(SHARE_COOKIE)?.value, input);
    return { ok: true, message: "Thank you. Your scorecard is in; the hiring team will see it beside theirs." };
  },
);
