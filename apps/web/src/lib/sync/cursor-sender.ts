import type { Awareness } from 'y-protocols/awareness';
import type { PresenceCursor } from '@debrief/protocol';
import { setCursor } from './presence.ts';

/** At most this many cursor updates a second reach the others; the last position is always sent. */
export const CURSOR_RATE = 20;
/** A pointer still this long disappears for the others. */
export const CURSOR_IDLE_MS = 5_000;

/**
 * Sends this browser's pointer on a shared surface through awareness: at most CURSOR_RATE updates a second (the
 * latest wins, and the one the pointer stops at is sent), hidden after CURSOR_IDLE_MS without movement or when the
 * pointer leaves. Only the canvas and the fishbone use it: nothing about the note composer ever does.
 */
export class CursorSender {
  #last = 0;
  #pending: PresenceCursor | null = null;
  #trailing: ReturnType<typeof setTimeout> | null = null;
  #idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly awareness: Awareness,
    private readonly now: () => number = () => performance.now(),
  ) {}

  move(cursor: PresenceCursor): void {
    this.#pending = cursor;
    const wait = this.#last + 1000 / CURSOR_RATE - this.now();
    if (wait <= 0) this.#flush();
    else this.#trailing ??= setTimeout(() => this.#flush(), wait);
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.leave(), CURSOR_IDLE_MS);
  }

  /** The pointer left the surface (or went idle): hidden for everyone. */
  leave(): void {
    for (const timer of [this.#trailing, this.#idle]) if (timer) clearTimeout(timer);
    this.#trailing = this.#idle = null;
    this.#pending = null;
    setCursor(this.awareness, null);
  }

  #flush(): void {
    if (this.#trailing) clearTimeout(this.#trailing);
    this.#trailing = null;
    if (!this.#pending) return;
    this.#last = this.now();
    setCursor(this.awareness, this.#pending);
    this.#pending = null;
  }
}
