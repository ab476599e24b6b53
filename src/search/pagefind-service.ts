import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import type { Readable, Writable } from "node:stream";
import { ToolFailure } from "../io/tool-failure.ts";

/**
 * Pagefind's indexer, run as its service (`pagefind --service`: base64 JSON
 * messages separated by commas on stdin and stdout), by us rather than by
 * Pagefind's Node API. That API watches only its pipes' errors, not the
 * process: when the binary dies (a panic on a full disk, a kill) its
 * promises never settle, and since it unrefs the child, Node finds nothing
 * left to wait for and exits with code 13 and no message. Here the child's
 * exit fails every request still waiting, with what it printed to stderr,
 * and closing waits for it to be gone: no process outlives the build.
 */

type Payload = { readonly type: string } & Record<string, unknown>;

interface Waiting {
  readonly action: string;
  readonly resolve: (payload: Payload) => void;
  readonly reject: (error: Error) => void;
}

/** The indexer's binary, found as Pagefind's API finds it (its `PAGEFIND_BINARY_PATH` variables first). */
function binary(): string {
  const names = ["pagefind_extended", "pagefind"];
  for (const name of names) {
    const set = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (set !== undefined && set !== "") return set;
  }
  const require = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // Not this one: the next name.
    }
  }
  throw new ToolFailure(`the search indexer (Pagefind) has no binary for ${platform}-${os.arch()}; reinstall with \`npm ci\` on this machine.`);
}

/** The last lines the indexer printed, enough to say why it stopped. */
function tail(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  // eslint-disable-next-line no-control-regex
  return lines
    .slice(-3)
    .join(" / ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .slice(-600);
}

export class PagefindService {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly waiting = new Map<number, Waiting>();
  private readonly exited: Promise<void>;
  private nextId = 0;
  private incoming = "";
  private stderr = "";
  /** Why no request can be answered any more; undefined while the indexer runs. */
  private stopped: ToolFailure | undefined;

  constructor() {
    const file = binary();
    this.child = spawn(file, ["--service"], { stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk.toString("latin1")));
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-4096);
    });
    // A write to a dead indexer: its exit says why.
    this.child.stdin.on("error", () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.on("error", (error) => {
        this.stop(new ToolFailure(`the search indexer (Pagefind) could not be started from \`${file}\`: ${error.message}.`, { cause: error }));
        resolve();
      });
      this.child.on("close", (code, signal) => {
        const how = signal === null ? `with exit code ${code}` : `by signal ${signal}`;
        const said = tail(this.stderr);
        this.stop(new ToolFailure(`the search indexer (Pagefind) stopped ${how}${said === "" ? "" : `: ${said}`}`));
        resolve();
      });
    });
  }

  private stop(failure: ToolFailure): void {
    this.stopped ??= failure;
    for (const [id, { action, reject }] of this.waiting) {
      this.waiting.delete(id);
      reject(new ToolFailure(`${failure.message} (while ${action}).`, { cause: failure }));
    }
  }

  private receive(text: string): void {
    let rest = this.incoming + text;
    for (let comma = rest.indexOf(","); comma !== -1; comma = rest.indexOf(",")) {
      this.answer(rest.slice(0, comma));
      rest = rest.slice(comma + 1);
    }
    this.incoming = rest;
  }

  private answer(encoded: string): void {
    let message: { message_id?: unknown; payload?: Payload };
    try {
      message = JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as typeof message;
    } catch (error) {
      this.stop(new ToolFailure("the search indexer (Pagefind) sent a message that is not JSON", { cause: error }));
      return;
    }
    const payload = message.payload;
    let id = message.message_id;
    // An error about a message it could not read names that message inside.
    if (typeof id !== "number" && payload?.type === "Error" && typeof payload.original_message === "string") {
      try {
        id = (JSON.parse(payload.original_message) as { message_id?: unknown }).message_id;
      } catch {
        id = undefined;
      }
    }
    const waiting = typeof id === "number" ? this.waiting.get(id) : undefined;
    if (waiting === undefined || payload === undefined || typeof id !== "number") return;
    this.waiting.delete(id);
    if (payload.type === "Error") waiting.reject(new ToolFailure(`the search indexer (Pagefind) refused ${waiting.action}: ${String(payload.message)}.`));
    else waiting.resolve(payload);
  }

  /** Send one request; the answer's payload, of type `expect`. */
  request(action: string, payload: Payload, expect: string): Promise<Payload> {
    if (this.stopped !== undefined) return Promise.reject(new ToolFailure(`${this.stopped.message} (before ${action}).`, { cause: this.stopped }));
    const id = ++this.nextId;
    return new Promise<Payload>((resolve, reject) => {
      this.waiting.set(id, { action, resolve, reject });
      this.child.stdin.write(`${Buffer.from(JSON.stringify({ message_id: id, payload })).toString("base64")},`);
    }).then((answer) => {
      if (answer.type !== expect) throw new ToolFailure(`the search indexer (Pagefind) answered ${action} with \`${answer.type}\`, not \`${expect}\`.`);
      return answer;
    });
  }

  /** Stop the indexer and wait until it is gone. */
  async close(): Promise<void> {
    this.stopped ??= new ToolFailure("the search indexer (Pagefind) was closed");
    this.child.stdin.end();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    await this.exited;
  }
}
