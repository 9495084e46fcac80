import { Text } from "@react-email/components";
import { BulletList, Details } from "./details";
import { text } from "./styles";
import { formatDate, formatDateTime, formatDuration, formatTime, formatZone, plural, shiftMinutes } from "./time";

export type AnswerType = "TEXT" | "VIDEO" | "AUDIO";

/** The props every email that invites a candidate into an interview shares. */
export type InterviewEmailProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  /** Where the candidate reaches the recruiter (replies to the email go there too); null: nobody to name. */
  recruiterEmail: string | null;
  /** ISO 8601, UTC. */
  startsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  durationMinutes: number;
  opensMinutesBefore: number;
  questionCount: number;
  /** The distinct answer types the questions use. */
  answerTypes: AnswerType[];
  interviewUrl: string;
  /**
   * ISO UTC: set for an interview to complete by a deadline instead of at a time (DEADLINE mode):
   * the candidate takes it any time from startsAt (when the link opens) until then.
   */
  dueAt?: string | null;
};

/** "Friday, December 5, 5:00 PM (your time)": a due time as the candidate reads it in a sentence. */
export function formatDue(dueAt: string, timeZone: string): string {
  return `${formatDate(dueAt, timeZone).replace(/, \d{4}$/, "")}, ${formatTime(dueAt, timeZone)} (your time)`;
}

/** Company, role, start (or, with a deadline, the date to complete it by) and duration in a shaded panel. */
export function InterviewDetails({
  companyName,
  jobTitle,
  startsAt,
  timeZone,
  durationMinutes,
  dueAt,
}: Pick<InterviewEmailProps, "companyName" | "jobTitle" | "startsAt" | "timeZone" | "durationMinutes" | "dueAt">) {
  return (
    <Details
      items={[
        { label: "Company", value: companyName },
        { label: "Role", value: jobTitle },
        dueAt ? { label: "Complete by", value: formatDateTime(dueAt, timeZone) } : { label: "Starts", value: formatDateTime(startsAt, timeZone) },
        { label: dueAt ? "Takes" : "Duration", value: `About ${formatDuration(durationMinutes)}` },
      ]}
    />
  );
}

const ORDER: AnswerType[] = ["VIDEO", "AUDIO", "TEXT"];
const ANSWER_LINES: Record<AnswerType, string> = {
  VIDEO: "Video answers are recorded with your camera and microphone.",
  AUDIO: "Audio answers are recorded with your microphone.",
  TEXT: "Written answers are typed in the browser.",
};

/** When the link opens, how many questions, and what each kind of answer needs. */
export function WhatToExpect({
  startsAt,
  timeZone,
  durationMinutes,
  opensMinutesBefore,
  questionCount,
  answerTypes,
  dueAt,
}: Pick<
  InterviewEmailProps,
  "startsAt" | "timeZone" | "durationMinutes" | "opensMinutesBefore" | "questionCount" | "answerTypes" | "dueAt"
>) {
  const types = ORDER.filter((type) => answerTypes.includes(type));
  const recorded = types.includes("VIDEO") || types.includes("AUDIO");
  const device = types.includes("VIDEO") ? "camera and microphone" : "microphone";
  const opensAt = shiftMinutes(startsAt, -opensMinutesBefore);
  const opensDay = formatDate(opensAt, timeZone) === formatDate(startsAt, timeZone) ? "" : `${formatDate(opensAt, timeZone)}, `;

  // With a deadline there is no start to open before: when to take it, and that it may be paused.
  const opening = dueAt
    ? [
        `Take it whenever suits you before ${formatDue(dueAt, timeZone)}.`,
        "You can pause between questions and come back to the same link later. Each question's timer starts only when you open it.",
      ]
    : [
        opensMinutesBefore > 0
          ? `The link opens ${plural(opensMinutesBefore, "minute")} before the start, at ${opensDay}${formatTime(opensAt, timeZone)} ${formatZone(opensAt, timeZone)}.`
          : `The link opens at the start time.`,
      ];
  const items = [
    ...opening,
    `There ${questionCount === 1 ? "is 1 question" : `are ${questionCount} questions`}; plan for about ${formatDuration(durationMinutes)}.`,
    ...types.map((type) => ANSWER_LINES[type]),
    recorded
      ? `Use a recent Chrome, Edge, Firefox or Safari, find a quiet spot, and allow access to your ${device} when the browser asks.`
      : "Use a recent Chrome, Edge, Firefox or Safari on a computer or phone.",
  ];

  return (
    <>
      <Text style={{ ...text, fontWeight: 600, margin: "0 0 8px" }}>What to expect</Text>
      <BulletList items={items} />
    </>
  );
}
