// What `npm run soak` must show: no errors at all, and a server whose memory
// after the first minute (once its code is compiled and its caches are warm)
// does not keep growing to the end. Each RSS figure is a minute's median.

/** The most the server's RSS may grow from the first minute's end to the run's end. */
export const RSS_GROWTH_LIMIT = 0.1;

export interface SoakFigures {
  errors: number;
  /** Bytes; undefined when the run was too short (under two minutes) to tell. */
  rssAfterFirstMinute: number | undefined;
  rssAtEnd: number | undefined;
}

export interface Verdict {
  goal: string;
  /** Undefined: the run was too short to judge. */
  pass: boolean | undefined;
}

export function judge({ errors, rssAfterFirstMinute, rssAtEnd }: SoakFigures): Verdict[] {
  const judged = rssAfterFirstMinute !== undefined && rssAtEnd !== undefined;
  return [
    { goal: "0 errors", pass: errors === 0 },
    {
      goal: `RSS at the end ≤ ${Math.round(100 * (1 + RSS_GROWTH_LIMIT))}% of RSS after the first minute`,
      pass: judged ? rssAtEnd <= rssAfterFirstMinute * (1 + RSS_GROWTH_LIMIT) : undefined,
    },
  ];
}
