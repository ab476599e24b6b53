import type { RelateInput } from "../../../src/relate/engine.ts";

/**
 * A story that unfolds over three months and three sections, its words
 * drifting as it goes (a dam's floodgates opened; the farmers downstream
 * ask for compensation; the payments begin), among neighbours that share
 * its places or its words but not its news. Its first and last articles
 * share too little to meet directly: only the one between links them.
 */
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

const input = (slug: string, section: string, day: number, title: string, text: string, tags: string[] = []): RelateInput => ({
  slug,
  title,
  text: ["", text],
  tags,
  language: "en",
  section,
  outlet: "Kabul Ledger",
  epoch: T0 + day * DAY,
  exclude: [],
  hasCheckAlso: false,
});

/** Its first article, its last, and the one between: three months, three sections. */
export const STORY = ["kajaki-dam-floodgates-opened", "sangin-farmers-demand-compensation", "helmand-compensation-payments-begin"] as const;

export const ARCHIVE: readonly RelateInput[] = [
  input(
    "kajaki-dam-floodgates-opened",
    "national",
    0,
    "Floodgates opened at the Kajaki dam",
    "Engineers opened the floodgates of the Kajaki dam in Helmand on Sunday after a week of heavy rain, and farmers downstream in Sangin were told to move their livestock to higher ground. The dam's chief engineer, Gul Agha Noorzai, said the reservoir stood at its highest level in a decade and the release would continue for three days.",
    ["Kajaki dam", "Helmand"],
  ),
  input(
    "sangin-farmers-demand-compensation",
    "business",
    45,
    "Sangin farmers demand compensation for the Kajaki release",
    "Farmers in Sangin say the water released from the Kajaki dam in the spring destroyed their wheat, and they want compensation before the autumn sowing. Gul Agha Noorzai said the release saved the dam. Governor Talib Akhund told the families in Lashkar Gah that the World Bank's emergency fund would pay for the lost harvest, at so many afghanis a jerib.",
    ["Helmand", "agriculture"],
  ),
  input(
    "helmand-compensation-payments-begin",
    "health",
    90,
    "Payments begin for families who lost their harvest",
    "Governor Talib Akhund began paying 400 families in Lashkar Gah for the wheat harvest they lost, 30,000 afghanis each from the World Bank's emergency fund. Doctors at the provincial hospital said malnutrition among the families' children had fallen since the first payments of food aid.",
    ["World Bank"],
  ),
  input(
    "helmand-poppy-fields-shrink",
    "national",
    10,
    "Poppy fields shrink in Helmand",
    "Satellite images show the area under poppy in Helmand shrank by a third this year, the United Nations said, as farmers in Sangin and Nad Ali planted wheat and cotton instead. Officials in Lashkar Gah credited the ban; farmers said they earn far less.",
    ["Helmand", "agriculture"],
  ),
  input(
    "kandahar-pomegranate-exports",
    "business",
    40,
    "Kandahar pomegranate exports climb",
    "Traders in Kandahar shipped a record 40,000 tonnes of pomegranates this season, most of it by road to Pakistan and India. Farmers said cold storage built with World Bank money let them sell later in the winter at better prices.",
    ["agriculture", "trade"],
  ),
  input(
    "lashkar-gah-hospital-wing-opens",
    "health",
    80,
    "New children's wing opens at Lashkar Gah hospital",
    "A children's wing with 60 beds opened at the provincial hospital in Lashkar Gah, where doctors treat malnutrition and measles cases from across Helmand. The health ministry said nurses trained in Kabul would staff it.",
    ["Helmand", "health"],
  ),
  input(
    "kabul-river-levels-rise",
    "national",
    3,
    "Kabul river rises after heavy rain",
    "The Kabul river rose by two metres after a week of heavy rain, and residents of low-lying districts in the capital were told to move to higher ground. The disaster authority said no lives had been lost.",
    ["floods", "Kabul"],
  ),
  input(
    "wheat-prices-ease-autumn",
    "business",
    60,
    "Wheat prices ease before the autumn sowing",
    "Wheat prices in Kabul and Herat eased in August as imports from Kazakhstan resumed, the commerce ministry said. Farmers preparing for the autumn sowing said seed and fertiliser still cost more than last year.",
    ["wheat", "prices"],
  ),
];
