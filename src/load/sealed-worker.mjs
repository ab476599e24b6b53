// @ts-check
/**
 * What a parse thread loads (parse-pool.ts): the bundled worker from the
 * `data:` URL of the bytes whose seal was checked (worker-bundle.ts), which
 * Piscina cannot load itself (it takes a file name).
 */
import { workerData } from "node:worker_threads";

const bundle = await import(/** @type {{ bundle: string }} */ (workerData).bundle);
export default bundle.default;
