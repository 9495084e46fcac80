import { Link } from "@react-email/components";
import { link } from "./styles";

/**
 * Who a candidate reaches about their interview, by name and address: "Daniel Okafor at Acme
 * Robotics (daniel@acme.test)". Without an address (no recruiter to name), the company alone.
 */
export function RecruiterContact({ recruiterName, recruiterEmail, companyName }: { recruiterName: string; recruiterEmail: string | null; companyName: string }) {
  if (!recruiterEmail) return <>{recruiterName === companyName ? companyName : `${recruiterName} at ${companyName}`}</>;
  return (
    <>
      {recruiterName} at {companyName} (
      <Link href={`mailto:${recruiterEmail}`} style={link}>
        {recruiterEmail}
      </Link>
      )
    </>
  );
}
