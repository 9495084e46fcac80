import { Heading, Link, Text } from "@react-email/components";
import { BulletList, Details } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, link, text } from "./_components/styles";
import { formatDate, formatDateTime } from "./_components/time";

export type ReviewRequestedProps = {
  reviewerName: string;
  /** Who asked (null when that account is gone). */
  requesterName: string | null;
  organizationName: string;
  candidateName: string;
  jobTitle: string;
  questionCount: number;
  /** ISO UTC: when the candidate completed the interview. */
  completedAt: string;
  /** ISO UTC: when the review is wanted by, if the requester said. */
  dueAt: string | null;
  /** The reviewer's IANA zone. */
  timeZone: string;
  /** The interview's review page. */
  reviewUrl: string;
  /** The day-before reminder rather than the request itself. */
  reminder: boolean;
  /**
   * Asked (or reminded) about several interviews at once: the others, after the one above. One
   * email lists them all and links to the reviewer's list instead of one email per interview.
   */
  more?: Array<{ candidateName: string; jobTitle: string; reviewUrl: string }>;
  /** The reviewer's "Waiting for my review" list (with `more`). */
  listUrl?: string;
};

/** How many interviews the email is about. */
export const reviewCount = (p: Pick<ReviewRequestedProps, "more">) => 1 + (p.more?.length ?? 0);

/** To a teammate: please score this interview (and, the day before it is due, a reminder while it is not scored). */
export default function ReviewRequested({
  reviewerName,
  requesterName,
  organizationName,
  candidateName,
  jobTitle,
  questionCount,
  completedAt,
  dueAt,
  timeZone,
  reviewUrl,
  reminder,
  more = [],
  listUrl,
}: ReviewRequestedProps) {
  const who = requesterName ?? `Your team at ${organizationName}`;
  if (more.length > 0) {
    const all = [{ candidateName, jobTitle, reviewUrl }, ...more];
    const due = dueAt ? formatDate(dueAt, timeZone) : "soon";
    return (
      <EmailLayout
        preview={reminder ? `${all.length} reviews are due ${due}.` : `${who} asks you to review ${all.length} interviews.`}
        footer={<>Kairos sent you this because {requesterName ?? "a teammate"} asked you to review these interviews at {organizationName}.</>}
      >
        <Heading as="h1" style={heading}>
          {reminder ? `${all.length} reviews are due ${due}` : `Please review ${all.length} interviews`}
        </Heading>
        <Text style={text}>Hi {reviewerName},</Text>
        <Text style={text}>
          {reminder ? "You have not submitted your scorecards for these interviews yet:" : `${who} asks you to review these one-way interviews:`}
        </Text>
        <BulletList
          items={all.map((i) => (
            <>
              <Link href={i.reviewUrl} style={link}>
                {i.candidateName}
              </Link>{" "}
              · {i.jobTitle}
            </>
          ))}
        />
        <Text style={text}>
          Rate each answer from 1 to 5, then give your overall recommendation. You will not see anyone else&apos;s scores until you submit your own.
          {dueAt ? ` They are wanted by ${formatDateTime(dueAt, timeZone)}.` : ""}
        </Text>
        {listUrl && <LinkButton href={listUrl}>Open your review list</LinkButton>}
      </EmailLayout>
    );
  }
  return (
    <EmailLayout
      preview={reminder ? `Your review of ${candidateName}'s interview is due ${dueAt ? formatDate(dueAt, timeZone) : "soon"}.` : `${who} asks you to review ${candidateName}'s interview.`}
      footer={<>Kairos sent you this because {requesterName ?? "a teammate"} asked you to review this interview at {organizationName}.</>}
    >
      <Heading as="h1" style={heading}>
        {reminder ? `Your review of ${candidateName} is due ${dueAt ? formatDate(dueAt, timeZone) : "soon"}` : `Please review ${candidateName}'s interview`}
      </Heading>
      <Text style={text}>Hi {reviewerName},</Text>
      <Text style={text}>
        {reminder
          ? `You have not submitted your scorecard for ${candidateName}'s interview for ${jobTitle} yet.`
          : `${who} asks you to review ${candidateName}'s one-way interview for ${jobTitle}.`}{" "}
        Rate each answer from 1 to 5, then give your overall recommendation. You will not see anyone else&apos;s scores until you submit your own.
      </Text>
      <Details
        items={[
          { label: "Candidate", value: candidateName },
          { label: "Role", value: jobTitle },
          { label: "Questions", value: String(questionCount) },
          { label: "Completed", value: formatDateTime(completedAt, timeZone) },
          ...(dueAt ? [{ label: "Review by", value: formatDateTime(dueAt, timeZone) }] : []),
        ]}
      />
      <LinkButton href={reviewUrl}>Review the interview</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: ReviewRequestedProps = {
  reviewerName: "Noor Haddad",
  requesterName: "Riley Recruiter",
  organizationName: "Acme Robotics",
  candidateName: "Amara Okafor",
  jobTitle: "Robotics Software Engineer",
  questionCount: 3,
  completedAt: "2026-12-01T09:24:00.000Z",
  dueAt: "2026-12-04T17:00:00.000Z",
  timeZone: "Europe/Berlin",
  reviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
  reminder: false,
};

ReviewRequested.PreviewProps = PreviewProps;
