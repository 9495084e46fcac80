// Every limit on what people type or choose, in one place: the forms' zod schemas and the lib
// functions that enforce the same bounds both import these.

/** Names of people and organisations. */
export const NAME_MAX = 120;
/** RFC 5321's path limit. */
export const EMAIL_MAX = 320;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PHONE_MAX = 40;
/** Free text: notes on a candidate or an interview, a job's description, review notes. */
export const NOTES_MAX = 5000;
export const TIME_ZONE_MAX = 64;

export const JOB_TITLE_MAX = 160;
export const JOB_LOCATION_MAX = 160;
export const QUESTIONS_MAX = 30;
export const QUESTION_PROMPT_MAX = 1000;
export const PREP_SECONDS = { min: 0, max: 600 } as const;
export const ANSWER_SECONDS = { min: 10, max: 3600 } as const;
export const RETAKES_MAX = 10;

export const INTERVIEW_MINUTES = { min: 5, max: 240 } as const;
/** DEADLINE interviews: days a candidate is given to complete one (the job's default, and how far ahead "Complete by" may be). */
export const DAYS_TO_COMPLETE = { min: 1, max: 60, default: 7 } as const;
/** The reason a recruiter may give when cancelling (the candidate's email carries it). */
export const CANCEL_REASON_MAX = 1000;
export const RATING = { min: 1, max: 5 } as const;
/** A written answer. */
export const ANSWER_TEXT_MAX = 20_000;

export const EXTRA_TIME_PERCENT_MAX = 200;
export const EXTRA_RETAKES_MAX = 5;
export const ACCOMMODATION_MESSAGE_MAX = 2000;
/** A candidate may ask again (they may have forgotten something), but not flood the recruiter's inbox. */
export const ACCOMMODATION_REQUESTS_MAX = 3;
export const ACCOMMODATION_REQUEST_INTERVAL_MINUTES = 10;

/** How long answers and recordings are kept after an interview ends. */
export const RETENTION_DAYS = { min: 30, max: 730 } as const;

/** Rows one bulk invitation may hold (CSV data rows, pasted lines and chosen candidates together). */
export const BULK_ROWS_MAX = 5000;
/** A CSV upload for a bulk invitation: 5,000 rows of name, email, zone, phone and an id fit in a fraction of it. */
export const BULK_CSV_BYTES_MAX = 2 * 1024 * 1024;
/** The paste box of a bulk invitation. */
export const BULK_PASTE_MAX = 1024 * 1024;
/** A candidate's id in another system (an ATS), kept with a bulk invitation's row. */
export const EXTERNAL_ID_MAX = 120;

/** An API key's name: what it is for ("Greenhouse", "Nightly export"), enough to tell keys apart. */
export const API_KEY_NAME_MAX = 80;
/**
 * How long a new API key works: one of these many days, or until it is revoked. Presets, as
 * GitHub's token form offers, rather than a date: no time zone to interpret, and 90 days by default
 * nudges rotation without surprising an integration within a quarter.
 */
export const API_KEY_EXPIRY_DAYS = { choices: [30, 90, 365], default: 90 } as const;
/** A webhook endpoint's description. */
export const WEBHOOK_DESCRIPTION_MAX = 200;

/** A search of answers and transcripts: longer input is cut here (2,000 characters still search, on their first 200). */
export const SEARCH_QUERY_MAX = 200;
