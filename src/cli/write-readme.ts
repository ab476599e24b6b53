/** `npm run schema` (second half): regenerate the editors' guide's front-matter and rule tables (docs/editors.md). */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { withGeneratedBlocks } from "../docs/readme-blocks.ts";

const file = fileURLToPath(new URL("../../docs/editors.md", import.meta.url));
const before = await readFile(file, "utf8");
const after = withGeneratedBlocks(before);
if (after !== before) await writeFile(file, after);
process.stdout.write(after === before ? "docs/editors.md is up to date\n" : "wrote docs/editors.md\n");
