import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/content/front-matter.ts";

describe("splitFrontMatter", () => {
  it("should split YAML front matter from the body and count the body's line offset", () => {
    const r = splitFrontMatter("---\ntitle: Hello\ndate: 2024-01-01T00:00:00Z\n---\nBody line\n");
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.yaml.value).toEqual({ title: "Hello", date: "2024-01-01T00:00:00Z" });
    expect(r.body).toBe("Body line\n");
    expect(r.bodyLineOffset).toBe(4);
  });

  it("should point YAML positions at the file's own lines", () => {
    const r = splitFrontMatter("---\ntitle: Hello\ntags:\n  - a\n  - 2\n---\n");
    if (r.kind !== "ok") throw new Error(r.kind);
    expect(r.yaml.positionOf(["tags", 1])).toEqual({ line: 5, column: 5 });
    expect(r.yaml.positionOf(["tags"], true)).toEqual({ line: 3, column: 1 });
  });

  it("should refuse JavaScript front matter without running it", () => {
    (globalThis as Record<string, unknown>).pwned = false;
    const r = splitFrontMatter("---js\n{ title: (globalThis.pwned = true, 'x') }\n---\nbody");
    expect(r).toEqual({ kind: "language", language: "js" });
    expect((globalThis as Record<string, unknown>).pwned).toBe(false);
    expect(splitFrontMatter("---javascript\n{}\n---\n")).toEqual({ kind: "language", language: "javascript" });
    expect(splitFrontMatter("---toml\na = 1\n---\n")).toEqual({ kind: "language", language: "toml" });
  });

  it("should accept an explicit yaml fence", () => {
    const r = splitFrontMatter("---yaml\ntitle: x\n---\n");
    expect(r.kind === "ok" && r.yaml.value).toEqual({ title: "x" });
  });

  it("should report missing and unclosed front matter", () => {
    expect(splitFrontMatter("Just text").kind).toBe("missing");
    expect(splitFrontMatter("---\ntitle: x\nno end\n").kind).toBe("unclosed");
  });

  it("should handle CRLF line endings", () => {
    const r = splitFrontMatter("---\r\ntitle: x\r\n---\r\nbody\r\n");
    expect(r.kind === "ok" && r.yaml.value).toEqual({ title: "x" });
  });

  it("should report YAML syntax errors with the file's line", () => {
    const r = splitFrontMatter("---\ntitle: x\ntags: [a, b\n---\n");
    if (r.kind !== "ok") throw new Error(r.kind);
    expect(r.yaml.errors.length).toBeGreaterThan(0);
    expect(r.yaml.errors[0]?.position.line).toBeGreaterThanOrEqual(3);
  });

  it("should bound alias expansion and keep __proto__ a plain key", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    const r = splitFrontMatter(`---\n${bomb}\n---\n`);
    expect(r.kind === "ok" && r.yaml.errors.length).toBeGreaterThan(0);
    const p = splitFrontMatter("---\n__proto__: { polluted: true }\n---\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(p.kind === "ok" && Object.getPrototypeOf(p.yaml.value)).toBe(Object.prototype);
  });
});
