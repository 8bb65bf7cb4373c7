/** A name to replace with a role wherever it appears in what is published, e.g. "Dave" → "the on-call engineer". */
export interface NameReplacement {
  name: string;
  role: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every whole-word occurrence of each name (any case; "Dave's" → "the on-call engineer's", "Chris'" →
 * "the on-call engineer's") with its role, in one pass, longest name first, so "Ana María" wins over "Ana" and a
 * role that contains a name is never replaced again.
 */
export function replaceNames(text: string, replacements: readonly NameReplacement[]): string {
  const usable = replacements.filter((r) => r.name.trim() !== '');
  if (usable.length === 0 || text === '') return text;
  const roles = new Map(usable.map((r) => [r.name.trim().toLowerCase(), r.role]));
  const names = [...roles.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.join('|')})(['’]s|(?<=s)['’])?(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, (_match, name: string, possessive: string | undefined) => {
    const role = roles.get(name.toLowerCase()) ?? name;
    return possessive ? `${role}${possessive.startsWith('’') ? '’' : "'"}s` : role;
  });
}

/** Whether the text mentions the name as replaceNames would find it (whole word, any case, possessive or not). */
export function mentionsName(text: string, name: string): boolean {
  return name.trim() !== '' && replaceNames(text, [{ name, role: '\u0000' }]) !== text;
}
