import { frontMatterReference } from "./front-matter-reference.ts";
import { ruleReference } from "./rule-reference.ts";

/**
 * The README's generated parts, each between a pair of marker comments.
 * `npm run schema` rewrites them; a test fails when the README is stale.
 */
export const README_BLOCKS: Readonly<Record<string, () => string>> = {
  "front-matter": frontMatterReference,
  rules: ruleReference,
};

const start = (name: string): string => `<!-- generated:${name} (npm run schema; do not edit by hand) -->`;
const end = (name: string): string => `<!-- /generated:${name} -->`;

/** Replace the text between `name`'s markers; a README without them is an error, not a silent skip. */
export function replaceBlock(text: string, name: string, content: string): string {
  const open = text.indexOf(start(name));
  const close = text.indexOf(end(name));
  if (open < 0 || close < open) {
    throw new Error(`docs/editors.md has no \`${start(name)}\` … \`${end(name)}\` block; add the two marker lines where the ${name} table belongs.`);
  }
  return `${text.slice(0, open + start(name).length)}\n${content}\n${text.slice(close)}`;
}

/** The README with every generated block brought up to date. */
export function withGeneratedBlocks(readme: string): string {
  return Object.entries(README_BLOCKS).reduce((text, [name, generate]) => replaceBlock(text, name, generate()), readme);
}
