// @ts-check
/**
 * Where the browser tests find Chromium, and how `npm test` gets one on a
 * fresh machine. A browser is never downloaded by npm or Playwright: it is
 * `CHROMIUM_PATH`, else the system's Chromium or Chrome, else, on Debian or
 * Ubuntu where packages may be installed (root, or sudo without a password),
 * Debian's `chromium` installed with apt-get, as CI does. Anywhere else the
 * tests stop at once with the one command to run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";

const KNOWN = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/** @param {string} file */
const runnable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser to test with, or undefined when this machine has none.
 * @param {NodeJS.ProcessEnv} env
 * @param {readonly string[]} known where to look when `CHROMIUM_PATH` is not set
 * @returns {string | undefined}
 */
export function findChromium(env = process.env, known = KNOWN) {
  const given = env.CHROMIUM_PATH;
  if (given !== undefined && given !== "") return given;
  return known.find(runnable);
}

/** How to get a browser here, in one command. */
export function installHint() {
  if (existsSync("/etc/debian_version")) return "sudo apt-get install -y chromium";
  return "install Chromium or Chrome from your system's package manager, or set CHROMIUM_PATH to its executable";
}

/** Whether this process may install Debian packages: root, or sudo without a password. */
function sudoPrefix() {
  if (typeof process.getuid === "function" && process.getuid() === 0) return [];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n"] : undefined;
}

/**
 * A browser for the tests: found, or installed from Debian's packages where
 * that is allowed; otherwise an error naming the one command to run.
 * @param {NodeJS.ProcessEnv} env
 * @param {readonly string[]} known
 * @returns {string}
 */
export function ensureChromium(env = process.env, known = KNOWN) {
  const found = findChromium(env, known);
  if (found !== undefined) {
    if (!runnable(found)) throw new Error(`CHROMIUM_PATH is \`${found}\`, which is not a program this user can run.`);
    return found;
  }
  const sudo = existsSync("/etc/debian_version") && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0 ? sudoPrefix() : undefined;
  if (sudo === undefined) {
    throw new Error(`The browser tests need Chromium, and none was found (CHROMIUM_PATH, ${known.join(", ")}). Run: ${installHint()}`);
  }
  process.stderr.write("No Chromium found: installing Debian's `chromium` for the browser tests (apt-get install -y chromium)…\n");
  const apt = (/** @type {string[]} */ ...args) => {
    const [command = "apt-get", ...rest] = [...sudo, "apt-get", ...args];
    execFileSync(command, rest, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  apt("update", "-qq");
  apt("install", "-y", "-qq", "chromium");
  const installed = findChromium(env, known);
  if (installed === undefined) throw new Error(`apt-get installed \`chromium\`, but no browser is at ${known.join(", ")}. Run: ${installHint()}`);
  return installed;
}
