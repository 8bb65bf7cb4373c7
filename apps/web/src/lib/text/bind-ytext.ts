import type { Action } from 'svelte/action';
import type * as Y from 'yjs';
import { spliceBetween, transformPosition, type TextDelta } from './diff.ts';

export interface YTextBinding {
  text: Y.Text;
  /** The transaction origin your UndoManager tracks, so undo covers exactly your own typing. */
  origin: unknown;
  /** Longer input is refused (the field keeps its previous text) and `onProblem` explains why. */
  check?: (value: string) => string | null;
  onProblem?: (message: string | null) => void;
  /** Called with the field's new value after every local or remote change. */
  onChange?: (value: string) => void;
}

type Field = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a text field to a Y.Text both ways: each input becomes one minimal splice (so concurrent typing
 * elsewhere in the text merges), and remote changes update the field without moving the local caret.
 */
export const bindYText: Action<Field, YTextBinding> = (field, initial) => {
  let binding = initial;
  let text = binding.text;
  field.value = text.toString();

  const onInput = () => {
    const before = text.toString();
    const after = field.value;
    const problem = binding.check?.(after) ?? null;
    if (problem && after.length > before.length) {
      const caret = Math.max(0, (field.selectionStart ?? before.length) - (after.length - before.length));
      field.value = before;
      field.setSelectionRange(caret, caret);
      binding.onProblem?.(problem);
      return;
    }
    binding.onProblem?.(problem);
    const splice = spliceBetween(before, after);
    if (!splice) return;
    text.doc?.transact(() => {
      if (splice.remove > 0) text.delete(splice.index, splice.remove);
      if (splice.insert) text.insert(splice.index, splice.insert);
    }, binding.origin);
    binding.onChange?.(field.value);
  };

  const onRemote = (event: Y.YTextEvent) => {
    const value = text.toString();
    if (field.value === value) return;
    const focused = document.activeElement === field;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    field.value = value;
    if (focused) {
      const delta = event.delta as TextDelta;
      field.setSelectionRange(transformPosition(start, delta), transformPosition(end, delta));
    }
    binding.onChange?.(value);
  };

  field.addEventListener('input', onInput);
  text.observe(onRemote);

  return {
    update(next) {
      binding = next;
      if (next.text !== text) {
        text.unobserve(onRemote);
        text = next.text;
        field.value = text.toString();
        text.observe(onRemote);
        next.onChange?.(field.value);
      }
    },
    destroy() {
      field.removeEventListener('input', onInput);
      text.unobserve(onRemote);
    },
  };
};
