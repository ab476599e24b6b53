import { createServer } from "node:net";
import { UsageError } from "../io/usage-error.ts";

/**
 * Fail early, with a message, when the port is taken: Eleventy's dev server
 * would quietly move to the next port, and we would print the wrong address.
 */
export async function assertPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new UsageError(`--port: ${port} is in use on ${host} (another preview?); stop it or choose another port with --port <n>.`, {
              showUsage: false,
            })
          : error,
      );
    });
    probe.listen({ port, host }, () => probe.close(() => resolve()));
  });
}
