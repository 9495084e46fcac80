import { DeletionRequestSection } from "../_requests/deletion-request-section";
import { StateCard } from "./state-card";

export function ThankYou({ candidateName, companyName }: { candidateName: string; companyName: string }) {
  return (
    <>
      <StateCard title={`Thank you, ${candidateName}`}>
        <p>Your interview is complete and your answers are with the team at {companyName}. They will be in touch about next steps.</p>
        <p>You can close this page.</p>
      </StateCard>
      <DeletionRequestSection companyName={companyName} />
    </>
  );
}
