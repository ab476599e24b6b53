import { formatDay, formatDayTime, type Moment, toIso } from "../content/dates.ts";
import type { SiteConfig } from "../content/site-config.ts";
import type { TimeView } from "./view.ts";

/**
 * How the site shows a moment, the one place every page's times are made:
 * in the local time the editor wrote it, named in the site's words
 * (`timezone_label`, "16:45 Kabul time") when it was written in the site's
 * zone, else by its offset ("16:45 UTC+04:30").
 */
export function timeViews(config: SiteConfig): (moment: Moment) => TimeView {
  const zone = config.timezoneLabel === undefined ? undefined : { name: config.timezone, label: config.timezoneLabel };
  return (moment) => ({ iso: toIso(moment), day: formatDay(moment), dayTime: formatDayTime(moment, zone) });
}
