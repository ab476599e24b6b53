import { createRequire } from "node:module";

/**
 * Swap two paths in one system call, so that a reader of either path sees
 * one complete folder or the other, never nothing, whatever moment the
 * process is killed at: `renameat2(RENAME_EXCHANGE)` on Linux,
 * `renamex_np(RENAME_SWAP)` on macOS. Node has no binding for either, so
 * they are called through koffi (a C FFI that ships its prebuilt library
 * in its npm package). Undefined where there is neither (Windows, or a
 * libc without them): the caller falls back to two renames.
 */
type Exchange = (a: string, b: string) => void;

const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;
const RENAME_SWAP = 2;

let loaded: Exchange | null | undefined;

function load(): Exchange | undefined {
  const require = createRequire(import.meta.url);
  const koffi = require("koffi") as typeof import("koffi");
  const fail = (call: string, a: string, b: string): never => {
    const errno = koffi.errno();
    const code = Object.entries(koffi.os.errno).find(([, n]) => n === errno)?.[0];
    throw Object.assign(new Error(`${code ?? `errno ${errno}`}: ${call} \`${a}\` and \`${b}\``), { code, errno });
  };
  if (process.platform === "linux") {
    const libc = koffi.load("libc.so.6");
    const renameat2 = libc.func("int renameat2(int, const char *, int, const char *, unsigned int)");
    return (a, b) => {
      if (renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) !== 0) fail("cannot exchange", a, b);
    };
  }
  if (process.platform === "darwin") {
    const libc = koffi.load("libSystem.dylib");
    const renamex = libc.func("int renamex_np(const char *, const char *, unsigned int)");
    return (a, b) => {
      if (renamex(a, b, RENAME_SWAP) !== 0) fail("cannot exchange", a, b);
    };
  }
  return undefined;
}

/** The atomic exchange of two existing paths on one file system, or undefined where the system has none. */
export function exchangeCall(): Exchange | undefined {
  if (loaded === undefined) {
    try {
      loaded = load() ?? null;
    } catch {
      // No koffi build for this machine, or no such call in its libc.
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
