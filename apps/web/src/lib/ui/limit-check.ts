/** A LiveText `check` for a declared length limit: longer input is refused with this message, matching the server's. */
export function limitCheck(max: number, what: string): (value: string) => string | null {
  return (value) => (value.length > max ? `${what} is limited to ${max.toLocaleString('en')} characters.` : null);
}
