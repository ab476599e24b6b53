/**
 * Words that say nothing about what a story is about: English function words,
 * reporting verbs, calendar words and newsroom filler. Kept short and
 * explicit; rarity (IDF) handles the rest.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above according across after afterwards again against ago all almost alone along already also although always am among
  an and another any anyone anything are around as at away back be became because become been before being below beside besides
  between beyond both but by can cannot could did do does doing done down during each early either else end enough even ever every
  few first for former from further get give given go going had has have having he her here hers herself him himself his how however
  i if in including into is it its itself just last later least less like made make many may me meanwhile might more most mostly
  much must my myself near nearly need neither never new next no nor not now of off often on once one only onto or other others
  otherwise our ours ourselves out over own part per perhaps please put rather said same say saying says see seemed seems several she
  should show since so some still such take than that the their theirs them themselves then there these they this those though
  three through throughout thus to today together told too toward towards two under until up upon us used very via was way we
  well were what whatever when where whether which while who whole whom whose why will with within without would yet you your
  yours yourself also added adding asked explained noted stated week weeks year years month months day days time times monday
  tuesday wednesday thursday friday saturday sunday january february march april june july august september october november
  december yesterday tomorrow morning evening night mr mrs ms dr percent per cent officials official people around including
  told reporters statement spokesman spokeswoman spokesperson according local national`.split(/\s+/),
);

/** Capitalised words that start sentences or name the calendar, not a person, place or body. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `the a an in on at as but and or for if when while after before this that these those it its he she they we i his her their our
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
  november december mr mrs ms dr`.split(/\s+/),
);
