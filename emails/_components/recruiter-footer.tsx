/** Who gets a recruiter notice: the recruiter who scheduled the interview, else the organisation's owners. */
export type RecipientRole = "scheduler" | "owner";

/** Why a recruiter notice reached this person, by the rule that chose them. */
export function recruiterFooter(candidateName: string, recipientRole: RecipientRole) {
  return recipientRole === "owner" ? (
    <>Kairos sent you this because you own the account that scheduled {candidateName}&apos;s interview.</>
  ) : (
    <>Kairos sent you this because you scheduled {candidateName}&apos;s interview.</>
  );
}
