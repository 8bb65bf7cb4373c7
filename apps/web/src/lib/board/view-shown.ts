import { getContext, setContext } from 'svelte';

const KEY = Symbol('view-shown');

/** Lets what a board view holds know whether that view is on screen (it stays mounted while hidden). */
export function provideViewShown(shown: () => boolean): void {
  setContext(KEY, shown);
}

/** Whether the board view around this component is on screen; true outside any view (the header, a page). */
export function viewShown(): () => boolean {
  return getContext<(() => boolean) | undefined>(KEY) ?? (() => true);
}
