import path from "node:path";
import type { KnownProbes, Probed } from "../images/probe.ts";
import { readManifest, writeManifest } from "../io/previous-output.ts";
import { FORMAT_NAME } from "../text/picture-names.ts";

/**
 * The probes of earlier builds, kept beside the parse cache by the bytes of
 * each picture (probe.ts `probeKey`): decoding every picture again is most
 * of what loading a site of photos costs once its articles are cached. The
 * file is sealed like every manifest (cache-seal.mjs), and each entry is
 * checked for its shape; it is valid for one version of the code, which
 * decides what a probe says.
 */
export interface ProbeStore extends KnownProbes {
  /** Write the probes used by this build (only those) when any was made anew. */
  save(): Promise<void>;
}

interface Stored {
  readonly version: string;
  readonly probes: Record<string, unknown>;
}

const isSize = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) > 0;

function isProbed(value: unknown): value is Probed {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== "object" || v === null) return false;
  const format = typeof v.format === "string" && Object.hasOwn(FORMAT_NAME, v.format);
  switch (v.kind) {
    case "raster":
      return (
        format &&
        isSize(v.width) &&
        isSize(v.height) &&
        typeof v.hash === "string" &&
        /^[0-9a-f]{64}$/.test(v.hash) &&
        (v.density === undefined || (typeof v.density === "number" && v.density > 0))
      );
    case "unreadable":
      return typeof v.reason === "string";
    case "mismatch":
      return format && (v.extension === undefined || typeof v.extension === "string");
    default:
      return false;
  }
}

/** The store in `folder` (the build's cache folder) for the code of `version`. */
export async function openProbeStore(folder: string, version: string): Promise<ProbeStore> {
  const file = path.join(folder, "probes.json");
  const stored = await readManifest<Stored>(file, folder);
  const kept = new Map<string, Probed>();
  if (stored?.version === version && typeof stored.probes === "object" && stored.probes !== null) {
    for (const [key, probed] of Object.entries(stored.probes)) if (isProbed(probed)) kept.set(key, probed);
  }
  const used = new Map<string, Probed>();
  let made = false;
  return {
    get(key) {
      const probed = kept.get(key);
      if (probed !== undefined) used.set(key, probed);
      return probed;
    },
    set(key, probed) {
      used.set(key, probed);
      made = true;
    },
    async save() {
      if (!made && used.size === kept.size) return;
      const probes = Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writeManifest(file, folder, { version, probes } satisfies Stored);
    },
  };
}
