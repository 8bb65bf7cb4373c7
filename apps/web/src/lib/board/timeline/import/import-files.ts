import { IMPORT_LIMITS } from '@debrief/timeline-import';

/** Files chosen for one import, as the text the API takes. */
export interface ChosenFiles {
  content: string;
  /** What the person chose, for the dialog to say. */
  names: string[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * One file's text; several (a Slack export's day files and its users.json) as one JSON object by file name, the
 * form the Slack reader takes. Each file's text goes in as written, so a broken file is reported by the reader.
 * Refuses files over the import's size limit before reading them.
 */
export async function readChosenFiles(files: readonly File[]): Promise<ChosenFiles> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > IMPORT_LIMITS.bytes)
    throw new Error(
      `These files hold ${mb(total)}; an import reads at most ${mb(IMPORT_LIMITS.bytes)}. Choose fewer days, or export a shorter span.`,
    );
  const texts = await Promise.all(files.map((file) => file.text()));
  const names = files.map((file) => file.name);
  if (files.length === 1) return { content: texts[0] ?? '', names };
  return { content: `{${texts.map((text, i) => `${JSON.stringify(names[i])}:${text.trim() || 'null'}`).join(',')}}`, names };
}
