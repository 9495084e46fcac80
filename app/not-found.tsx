import { LogoFrame } from "@/components/logo-frame";
import { NotFoundMessage } from "@/components/not-found-message";

// A page the address does not match: the root layout only, so this page brings its own banner and main.
export default function NotFound() {
  return (
    <LogoFrame mainClassName="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-6 py-12 text-center">
      <NotFoundMessage />
    </LogoFrame>
  );
}
