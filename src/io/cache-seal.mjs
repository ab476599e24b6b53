// @ts-check
/**
 * The key that seals every cache entry, and the seal. Whoever can write the
 * cache folder (a CI cache restored from a pull request's run, a shared
 * machine) must not be able to put a page's HTML, a picture or code to run
 * into a build: each entry carries an HMAC made with a key kept outside the
 * cache and the repository, and an entry whose seal does not verify is a
 * miss, never used.
 *
 * The key is `NEWSROOM_CACHE_KEY` (a CI secret: a pull request's run has
 * none, so it reads no trusted entry and writes none that `main` trusts),
 * else a per-user key file made once with mode 0600 in the user's config
 * folder. Without either, every build runs without caches, saying so once.
 * Plain JavaScript: the launcher uses it before any TypeScript can run.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

export const KEY_VARIABLE = "NEWSROOM_CACHE_KEY";
/** A secret shorter than this is refused: a guessable key seals nothing. */
export const MIN_KEY_LENGTH = 16;

/** Shared by the launcher and the CLI's bundle (which has its own copy of this module): one key, one warning, per process. */
const STATE = Symbol.for("newsroom.cache-seal");
// A cast of its own: a formatter that re-parenthesises `??=` would move a cast written inline.
const shared = /** @type {any} */ (globalThis);
/** @type {{ secrets: Map<string, Buffer | undefined>, warned: Set<string> }} */
const state = (shared[STATE] ??= { secrets: new Map(), warned: new Set() });

/**
 * Print `text` on stderr once per process for `topic`.
 * @param {string} topic
 * @param {string} text
 */
export function warnOnce(topic, text) {
  if (state.warned.has(topic)) return;
  state.warned.add(topic);
  process.stderr.write(`warning: ${text}\n`);
}

/**
 * The per-user key file: `$XDG_CONFIG_HOME/newsroom/cache-key`, else `~/.config/newsroom/cache-key`.
 * @param {NodeJS.ProcessEnv} env
 */
export function keyFile(env = process.env) {
  const xdg = env.XDG_CONFIG_HOME;
  const config = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), ".config");
  return path.join(config, "newsroom", "cache-key");
}

/**
 * The cache key of this process, or undefined (with a warning, once) when none can be had.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Buffer | undefined}
 */
export function cacheSecret(env = process.env) {
  const memo = `${env[KEY_VARIABLE] ?? ""}\0${keyFile(env)}`;
  if (state.secrets.has(memo)) return state.secrets.get(memo);
  const secret = findSecret(env);
  state.secrets.set(memo, secret);
  return secret;
}

/** @param {NodeJS.ProcessEnv} env */
function findSecret(env) {
  const given = env[KEY_VARIABLE];
  if (given !== undefined && given !== "") {
    if (given.length >= MIN_KEY_LENGTH) return Buffer.from(given, "utf8");
    warnOnce("cache-key", `${KEY_VARIABLE} is shorter than ${MIN_KEY_LENGTH} characters: building without caches. Set it to a long random secret.`);
    return undefined;
  }
  const file = keyFile(env);
  try {
    return readKey(file) ?? makeKey(file);
  } catch (error) {
    const why = /** @type {Error} */ (error).message;
    warnOnce("cache-key", `no cache key (${KEY_VARIABLE} is not set and the key file ${file} cannot be used: ${why}): building without caches.`);
    return undefined;
  }
}

const KEY_TEXT = /^[0-9a-f]{64}\n?$/;

/**
 * The key in `file`; undefined when there is no file. A key others could read or write, or not ours, is refused.
 * @param {string} file
 */
function readKey(file) {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (!stat.isFile()) throw new Error("it is not a plain file");
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) throw new Error("it belongs to another user");
  if ((stat.mode & 0o077) !== 0) throw new Error("others may read or write it (chmod 600 it)");
  const text = readFileSync(file, "latin1");
  if (!KEY_TEXT.test(text)) throw new Error("it does not hold a key (64 hexadecimal digits); delete it to have a new one made");
  return Buffer.from(text.trim(), "hex");
}

/**
 * A new random key in `file`, made whole before it has its name; the key of a process that made one first wins.
 * @param {string} file
 */
function makeKey(file) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  const key = readKey(file);
  if (key === undefined) throw new Error("it vanished as it was made");
  return key;
}

/**
 * The seal of `parts` under `secret`: an HMAC-SHA256 over each part with its length, so parts cannot run into each other.
 * @param {Buffer} secret
 * @param {readonly (string | Uint8Array)[]} parts
 */
export function seal(secret, ...parts) {
  const mac = createHmac("sha256", secret);
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(bytes.length));
    mac.update(length).update(bytes);
  }
  return mac.digest();
}

/** Bytes of a seal. */
export const SEAL_BYTES = 32;

/**
 * Whether `mac` (bytes or hex, as read from the cache) is `expected`, the seal just computed, compared in constant time.
 * @param {Uint8Array | string | undefined} mac
 * @param {Buffer} expected
 */
export function sealMatches(mac, expected) {
  if (mac === undefined) return false;
  const given = typeof mac === "string" ? (/^[0-9a-f]{64}$/.test(mac) ? Buffer.from(mac, "hex") : Buffer.alloc(0)) : Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Say once that a cache entry was refused: its seal does not verify (forged, damaged, or sealed with another key).
 * @param {string} what
 */
export function warnForged(what) {
  warnOnce("cache-forged", `${what} is not sealed with this machine's cache key (forged, damaged or made with another key): it is not used, and is made again.`);
}
