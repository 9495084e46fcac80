import { NotFoundMessage } from "@/components/not-found-message";

// Inside the dashboard's layout, whose <main> this already is: no second main, no second banner.
export default function DashboardNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <NotFoundMessage />
    </div>
  );
}
