/**
 * Runs one stress case of `stress.test.ts` in its own process, so that the
 * test can stop a case that runs away (a quadratic parser, an endless loop)
 * at its deadline instead of hanging the test run, and so that a crash
 * (stack or heap exhaustion) is seen exactly as the CLI would meet it.
 *
 *   node --import tsx tests/robustness/stress-child.ts <case>
 *
 * Prints one line of JSON (a `CaseReport`) on stdout. Not a test file itself.
 */

import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { parseArticle } from "../../src/load/load-article.ts";
import { articleFile } from "../support/article-file.ts";
import { type CaseReport, STRESS_CASES } from "./stress-cases.ts";

const name = process.argv[2] ?? "";
const make = STRESS_CASES[name];
if (make === undefined) {
  process.stderr.write(`unknown stress case \`${name}\`; known: ${Object.keys(STRESS_CASES).join(", ")}\n`);
  process.exit(2);
}

const text = make();
const summary = (d: Diagnostic) => ({ rule: d.rule, severity: d.severity, line: d.position.line, column: d.position.column, message: d.message.slice(0, 300) });
const started = performance.now();
let report: CaseReport;
try {
  const result = parseArticle(text, articleFile("stress-case"), "Asia/Kabul");
  const seconds = (performance.now() - started) / 1000;
  report = {
    kind: "returned",
    seconds,
    inputLength: text.length,
    lineCount: text.split(/\r\n|\r|\n/).length,
    htmlLength: result.article?.body.html.read().length,
    diagnostics: result.diagnostics.map(summary),
  };
} catch (error) {
  const seconds = (performance.now() - started) / 1000;
  report = {
    kind: "threw",
    seconds,
    inputLength: text.length,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    stack:
      error instanceof Error
        ? (error.stack ?? "")
            .split("\n")
            .slice(1, 7)
            .map((l) => l.trim())
        : [],
  };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
