/** `npm run schema`: regenerate the committed JSON Schemas in `schema/`. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemas } from "../docs/json-schema.ts";

const dir = fileURLToPath(new URL("../../schema", import.meta.url));
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  await writeFile(path.join(dir, name), text);
  process.stdout.write(`wrote schema/${name}\n`);
}
