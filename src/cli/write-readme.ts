/** `npm run schema` (second half): regenerate the README's front-matter and rule tables. */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { withGeneratedBlocks } from "../docs/readme-blocks.ts";

const file = fileURLToPath(new URL("../../README.md", import.meta.url));
const before = await readFile(file, "utf8");
const after = withGeneratedBlocks(before);
if (after !== before) await writeFile(file, after);
process.stdout.write(after === before ? "README.md is up to date\n" : "wrote README.md\n");
