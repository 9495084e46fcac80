import { responseErrorHandler } from "@/lib/greenhouse/routes";

// Greenhouse's Assessment Partner API (README → Greenhouse).
export const POST = responseErrorHandler;
