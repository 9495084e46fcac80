import "server-only";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { mediaResponse } from "@/lib/http/media-response";
import { findRecordingForMember } from "@/lib/interviews/media";
import { NotFoundError } from "@/lib/errors";
import { defineOperation } from "../operation";
import { idParams } from "./shared";

export const getRecordingOperation = defineOperation(
  {
    id: "getRecording",
    method: "GET",
    path: "/api/v1/recordings/{id}",
    scope: "recordings:read",
    tag: "Recordings",
    summary: "Stream a recorded answer",
    description: "The recording's bytes (WebM or MP4, as the candidate's browser recorded them), with Range support for seeking and resuming. Recording URLs are listed in an interview's answers.",
    params: idParams,
    success: { status: 200, description: "The media (206 for a Range request).", binary: true, schema: z.string().meta({ format: "binary" }) },
    problems: [404, 416],
  },
  async ({ caller, params, request }) => {
    // As an admin sees it (keys are created by admins and owners): any of the organisation's recordings.
    const recording = await findRecordingForMember({ userId: caller.userId, organizationId: caller.organizationId, role: Role.ADMIN }, params.id);
    if (!recording) throw new NotFoundError("Recording");
    return mediaResponse(request, recording);
  },
);
