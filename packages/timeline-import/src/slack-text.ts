/**
 * Slack's message markup as plain text: mentions by name, links as "label (url)", channels and special mentions
 * readable, and its three escaped characters restored. Formatting marks (*bold*, _italic_) are left as typed.
 */
export function slackToPlainText(text: string, names: ReadonlyMap<string, string>): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? names.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
    return label && label !== target ? `${label} (${target})` : target;
  });
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
