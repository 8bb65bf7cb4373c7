import { checkBlame as checkWithLoadedModel, loadBlameModel, type BlameIssue, type CheckOptions } from '@debrief/blame-lint';

// Read by every check below, so hints computed before the learned model arrived are computed again once it has.
const model = $state({ loaded: false });

/**
 * Fetches the learned blame model in the background (its own chunk, after first paint). Until it is in, and if it
 * cannot be fetched, the rules alone mark blame.
 */
export function startLoadingBlameModel(): void {
  loadBlameModel().then(
    () => {
      model.loaded = true;
      // For whoever needs to know the page has settled (the performance tests).
      document.documentElement.dataset.blameModel = 'loaded';
    },
    (error: unknown) => console.warn('The learned blame model did not load; the rules alone mark blame.', error),
  );
}

/** Where `text` blames a person, as the server's publish gate will see it once the model is loaded. */
export function checkBlame(text: string, options: CheckOptions = {}): BlameIssue[] {
  void model.loaded;
  return checkWithLoadedModel(text, options);
}

export function isBlaming(text: string): boolean {
  return checkBlame(text).length > 0;
}
