// The W3C's reference WebVTT parser (webvtt-parser, CC0) ships no types: the little the tests use.
declare module "webvtt-parser" {
  export interface ParsedCue {
    startTime: number;
    endTime: number;
    /** The cue's raw text, as written (entities not decoded). */
    text: string;
    tree: { children: Array<{ type: string; value?: string }> };
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: "metadata" | "chapters"): { cues: ParsedCue[]; errors: Array<{ message: string; line: number; col?: number }> };
  }
}
