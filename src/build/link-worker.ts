import { carryOver } from "./previous-output.ts";

/** A worker thread's whole job (see page-writer.ts): carry files over from the previous output; returns those linked. */
export default function linkFiles({ from, to, paths }: { from: string; to: string; paths: readonly string[] }): string[] {
  return [...carryOver(from, to, paths)];
}
