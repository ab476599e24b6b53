import type { SectionLink } from "../../src/site/view.ts";

/** A plain list of links to the sections, in navigation order. */
export function SectionLinks({ sections, class: className }: { sections: readonly SectionLink[]; class?: string }) {
  return (
    <ul class={className}>
      {sections.map((s) => (
        <li>
          <a href={s.url} dir="auto">
            {s.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
