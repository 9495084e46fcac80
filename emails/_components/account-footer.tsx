/** Why an account email reached this address: it is the address of a Kairos account (or a sign-up). */
export function accountFooter(kind: "account" | "sign-up") {
  return kind === "sign-up" ? (
    <>Kairos sent you this because someone entered this address to create a Kairos account. If it wasn&apos;t you, ignore it: nothing is created unless the link is followed.</>
  ) : (
    <>Kairos sent you this about the Kairos account of this address. It never asks for your password by email.</>
  );
}
