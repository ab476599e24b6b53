import { parentPort, workerData } from "node:worker_threads";
import { carryOver } from "../io/previous-output.ts";
import type { CarryJob } from "./carry-aside.ts";

/** A worker thread's whole job (see `carryOverAside`): link the files, say which were linked. */
const { from, to, paths } = workerData as CarryJob;
parentPort?.postMessage([...carryOver(from, to, paths)]);
