export { ListSkeleton as default } from "@/components/list-skeleton";
