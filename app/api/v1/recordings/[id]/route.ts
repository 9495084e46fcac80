import { getRecordingOperation } from "@/lib/api/v1/recordings";

export const GET = getRecordingOperation.handle;
