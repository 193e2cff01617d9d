/** 0x1234…abcd: enough to compare with what the page shows, short enough for one line. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
