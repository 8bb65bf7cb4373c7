import { viewShown } from '../board/view-shown.ts';

/**
 * Shows a `<dialog>` as a modal while `open()` holds, and closes it otherwise. A board view can be hidden under an
 * open dialog (the facilitator moved everyone to the next phase); a modal in a hidden view would still make the rest
 * of the page inert, so the dialog is cancelled instead. Call while a component initialises.
 */
export function modalWhileOpen(dialog: () => HTMLDialogElement | undefined, open: () => boolean, cancel: () => void): void {
  const shown = viewShown();
  $effect(() => {
    if (open() && !shown()) cancel();
  });
  $effect(() => {
    const element = dialog();
    if (!element) return;
    if (open() && !element.open) element.showModal();
    if (!open() && element.open) element.close();
  });
}
