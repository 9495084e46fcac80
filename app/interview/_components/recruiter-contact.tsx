/**
 * Whom the candidate reaches about their interview — the recruiter who scheduled it, by name and
 * address (the same person their emails' Reply-To goes to). One line, shared by the portal's pages.
 */
export function RecruiterContact({ name, email, companyName, className }: { name: string; email: string | null; companyName: string; className?: string }) {
  return (
    <p className={className ?? "text-sm text-ink-700"}>
      Questions about your interview? Contact {name === companyName ? companyName : `${name} at ${companyName}`}
      {email && (
        <>
          :{" "}
          <a href={`mailto:${email}`} className="font-medium wrap-anywhere text-accent-700 underline underline-offset-4">
            {email}
          </a>
        </>
      )}
      , or reply to any email about it.
    </p>
  );
}
