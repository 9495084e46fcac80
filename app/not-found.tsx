import { Logo } from "@/components/logo";
import { NotFoundMessage } from "@/components/not-found-message";

// A page the address does not match: the root layout only, so this page brings its own banner and main.
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-ink-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center px-4">
          <Logo />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-6 py-12 text-center">
        <NotFoundMessage />
      </main>
    </div>
  );
}
