import { ListSkeleton } from "@/components/list-skeleton";

// The list only: an endpoint's page has none, so an unknown id answers with a 404 status before anything streams.
export default function Loading() {
  return <ListSkeleton />;
}
