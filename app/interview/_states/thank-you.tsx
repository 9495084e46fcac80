import { RecruiterContact } from "../_components/recruiter-contact";
import { DeletionRequestSection } from "../_requests/deletion-request-section";
import { StateCard } from "./state-card";

export function ThankYou({ candidateName, companyName, contact }: { candidateName: string; companyName: string; contact: { name: string; email: string | null } }) {
  return (
    <>
      <StateCard title={`Thank you, ${candidateName}`}>
        <p>Your interview is complete and your answers are with the team at {companyName}. They will be in touch about next steps.</p>
        <p>You can close this page.</p>
        <RecruiterContact name={contact.name} email={contact.email} companyName={companyName} />
      </StateCard>
      <DeletionRequestSection companyName={companyName} />
    </>
  );
}
