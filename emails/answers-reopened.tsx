import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { BulletList, Details, Notice } from "./_components/details";
import { formatDue } from "./_components/interview";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime, formatDuration, plural } from "./_components/time";

export type AnswersReopenedProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  recruiterEmail: string | null;
  /** The questions to answer again, in the interview's order: their number in it and their prompt. */
  questions: Array<{ number: number; prompt: string }>;
  /** How many questions the interview has. */
  questionCount: number;
  /** About how long the reopened questions take, in minutes. */
  minutes: number;
  /** ISO UTC: when the reopened questions are due. */
  dueAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  interviewUrl: string;
};

/** To the candidate: the recruiter asks them to answer chosen questions again, by a new due date, on a new link. */
export default function AnswersReopened({
  companyName,
  jobTitle,
  candidateName,
  recruiterName,
  recruiterEmail,
  questions,
  questionCount,
  minutes,
  dueAt,
  timeZone,
  interviewUrl,
}: AnswersReopenedProps) {
  const them = questions.length === 1 ? "this question" : `these ${questions.length} questions`;
  return (
    <EmailLayout
      preview={`Please answer ${them} again by ${formatDue(dueAt, timeZone)}. Your other answers are kept.`}
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this through Kairos because they reopened part of your interview for {jobTitle}.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        Please answer {them} again
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        {recruiterName} at {companyName} asks you to answer {them} of your interview for the {jobTitle} role again. Your earlier{" "}
        {questions.length === 1 ? "answer to it was" : "answers to them were"} removed; your answers to the other{" "}
        {plural(questionCount - questions.length, "question")} are kept, and you will not be asked them again.
      </Text>
      <BulletList items={questions.map((q) => `Question ${q.number}: ${q.prompt}`)} />
      <Details
        items={[
          { label: "Complete by", value: formatDateTime(dueAt, timeZone) },
          { label: "Takes", value: `About ${formatDuration(minutes)}` },
        ]}
      />
      <Text style={text}>Each question is timed as before; you can pause between them until the due time.</Text>
      <Notice>
        <strong>Links in earlier emails have stopped working.</strong> Use the link in this email instead.
      </Notice>
      <LinkButton href={interviewUrl}>Answer again</LinkButton>
      <Text style={text}>
        This link is personal: please don&apos;t forward it. Questions? Contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />, or reply to this email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: AnswersReopenedProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  questions: [{ number: 2, prompt: "Walk us through a robot you debugged in the field." }],
  questionCount: 4,
  minutes: 5,
  dueAt: "2026-12-09T08:00:00.000Z",
  timeZone: "Asia/Tokyo",
  interviewUrl: "http://localhost:3000/interview?session_key=Zp4cV9xLr4TnB8wYe1KpZ3sDf6HgJ0aUo5iXt-_NcE7",
};

AnswersReopened.PreviewProps = PreviewProps;
