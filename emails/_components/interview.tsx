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
};

/** Company, role, start and duration in a shaded panel. */
export function InterviewDetails({
  companyName,
  jobTitle,
  startsAt,
  timeZone,
  durationMinutes,
}: Pick<InterviewEmailProps, "companyName" | "jobTitle" | "startsAt" | "timeZone" | "durationMinutes">) {
  return (
    <Details
      items={[
        { label: "Company", value: companyName },
        { label: "Role", value: jobTitle },
        { label: "Starts", value: formatDateTime(startsAt, timeZone) },
        { label: "Duration", value: `About ${formatDuration(durationMinutes)}` },
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
}: Pick<
  InterviewEmailProps,
  "startsAt" | "timeZone" | "durationMinutes" | "opensMinutesBefore" | "questionCount" | "answerTypes"
>) {
  const types = ORDER.filter((type) => answerTypes.includes(type));
  const recorded = types.includes("VIDEO") || types.includes("AUDIO");
  const device = types.includes("VIDEO") ? "camera and microphone" : "microphone";
  const opensAt = shiftMinutes(startsAt, -opensMinutesBefore);
  const opensDay = formatDate(opensAt, timeZone) === formatDate(startsAt, timeZone) ? "" : `${formatDate(opensAt, timeZone)}, `;

  const items = [
    opensMinutesBefore > 0
      ? `The link opens ${plural(opensMinutesBefore, "minute")} before the start, at ${opensDay}${formatTime(opensAt, timeZone)} ${formatZone(opensAt, timeZone)}.`
      : `The link opens at the start time.`,
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
