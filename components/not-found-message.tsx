// A plain link, not next/link: a not-found page is part of every route's first load (each segment's
// not-found boundary), and next/link's client code would come with it for one rarely used link.
/** What every 404 says; the dashboard's own not-found shows it inside the dashboard's main. */
export function NotFoundMessage() {
  return (
    <>
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink-900">Not found</h1>
      <p className="mt-2 text-ink-600">This page does not exist, or you do not have access to it.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose, see above */}
      <a href="/" className="mt-6 text-sm font-medium text-accent-700 underline underline-offset-4">
        Go to Kairos
      </a>
    </>
  );
}
