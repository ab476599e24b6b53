import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { ensureChromium, findChromium } from "../../support/find-browser.mjs";

/**
 * Issue 19, item 21: `npm test` finds a browser by itself (CHROMIUM_PATH,
 * then the usual places), installs Debian's where it may, and elsewhere
 * stops at once with the one command to run. The install itself is what a
 * fresh CI machine does: .ci/run no longer installs a browser first.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const work = mkdtempSync(path.join(tmpdir(), "newsroom-browser-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("finding a browser", () => {
  it("should take CHROMIUM_PATH first, then the first runnable known place", () => {
    const fake = path.join(work, "chrome");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    expect(findChromium({ CHROMIUM_PATH: "/opt/x/chrome" }, [fake])).toBe("/opt/x/chrome");
    expect(findChromium({}, [path.join(work, "none"), fake])).toBe(fake);
    expect(findChromium({}, [path.join(work, "none")])).toBeUndefined();
  });

  it("should refuse a CHROMIUM_PATH that is not a program", () => {
    expect(() => ensureChromium({ CHROMIUM_PATH: path.join(work, "missing") }, [])).toThrow(/CHROMIUM_PATH is `.*missing`, which is not a program/);
  });

  // Only root can run the check as a user without sudo; as any other user it could start an install.
  it.skipIf(process.getuid?.() !== 0)("should stop at once with the command to run where packages may not be installed", () => {
    // As a user with no sudo, and no browser where one is looked for.
    const script = `import { ensureChromium } from ${JSON.stringify(path.join(ROOT, "tests/support/find-browser.mjs"))};
try { ensureChromium({}, ["/nonexistent/chromium"]); console.log("found"); } catch (e) { console.log(e.message); }`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      ...NOBODY,
      env: { PATH: process.env.PATH, HOME: "/nonexistent" },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^The browser tests need Chromium, and none was found/);
    expect(result.stdout).toMatch(/Run: (sudo apt-get install -y chromium|install Chromium or Chrome)/);
    expect(result.stderr).not.toMatch(/installing/);
  });

  it("should have found or installed one before the tests ran (the global setup)", () => {
    expect(findChromium()).toBeDefined();
  });
});
