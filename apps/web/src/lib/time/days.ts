/**
 * The ids of the events that open a new day in the viewer's zone (the first event always does), for a list sorted
 * by time. Worked out once per change of the list, rather than by each entry comparing itself with the one before.
 */
export function firstEventsOfDay(events: readonly { id: string; at: string }[]): ReadonlySet<string> {
  const firsts = new Set<string>();
  let previous: string | null = null;
  for (const event of events) {
    const day = new Date(event.at).toDateString();
    if (day !== previous) firsts.add(event.id);
    previous = day;
  }
  return firsts;
}
