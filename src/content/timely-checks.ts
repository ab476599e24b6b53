import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { formatDayTime } from "./dates.ts";
import type { FrontMatter } from "./schema.ts";
import type { ParsedYaml } from "./yaml.ts";

/** The fields that end something the article starts, and what each ends. */
const ENDINGS = [
  { field: "live_until", ends: "the live coverage" },
  { field: "breaking_until", ends: "the breaking strip" },
  { field: "expires", ends: "the article" },
  { field: "pin_until", ends: "its place on the fronts" },
] as const;

/** Fields that only mean something beside another. */
const NEEDS = [
  { field: "live_until", needs: "live", written: "`live: true`" },
  { field: "breaking_until", needs: "breaking", written: "`breaking:`" },
  { field: "expires_leave", needs: "expires", written: "`expires:`" },
] as const;

/**
 * What the schema cannot see field by field: an end before the article's
 * own `date` (it would end before it began), and a field that does nothing
 * without its partner. Each at the field, as the editor wrote it.
 */
export function timelyProblems(fm: FrontMatter, yaml: ParsedYaml, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { field, ends } of ENDINGS) {
    const moment = fm[field];
    if (moment === undefined || moment.epoch > fm.date.epoch) continue;
    found.push(diagnose("date-order", file, yaml.positionOf([field]), { field, when: formatDayTime(moment), date: formatDayTime(fm.date), ends }));
  }
  if (fm.pin_until !== undefined && fm.front === undefined && fm.section_front === undefined) {
    found.push(diagnose("field-unused", file, yaml.positionOf(["pin_until"], true), { field: "pin_until", needs: "`front:` or `section_front:`" }));
  }
  for (const { field, needs, written } of NEEDS) {
    const partner = fm[needs];
    if (fm[field] === undefined || (partner !== undefined && partner !== false)) continue;
    found.push(diagnose("field-unused", file, yaml.positionOf([field], true), { field, needs: written }));
  }
  return found;
}
