/**
 * Keys this browser was given by link, kept in localStorage under one name as `{ [entry]: key }`, so a page that
 * needs them later (the Actions page) can use them. The same keys are in this browser's history and bookmarks
 * already. Without storage, nothing is kept and the link is needed again.
 */
export function keyStore(storageKey: string) {
  const all = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (keys: Record<string, string>) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(keys));
    } catch {
      // Without storage, the link is needed again next time.
    }
  };
  return {
    all,
    remember: (entry: string, key: string) => write({ ...all(), [entry]: key }),
    forget: (entry: string) => {
      const { [entry]: _forgotten, ...rest } = all();
      write(rest);
    },
  };
}
