/** What an API key may do; a key holds any of them (chosen when it is created). */
export const API_SCOPES = ["jobs:read", "candidates:write", "interviews:read", "interviews:write", "recordings:read", "webhooks:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "jobs:read": "Read jobs and their questions",
  "candidates:write": "Create, read and delete candidates",
  "interviews:read": "Read interviews, answers, scorecard summaries and decisions",
  "interviews:write": "Invite, cancel, resend and extend interviews",
  "recordings:read": "Play and download recorded answers",
  "webhooks:write": "Register and manage webhook endpoints",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
