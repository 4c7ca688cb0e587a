/**
 * What a tablet sends for a consent's signature (issue 20): a PNG data URL — the contract checks the
 * PNG signature and the base64. Here with `who` in its bytes, so a test can look for it in a file.
 */
export function signatureOf(who: string): string {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from(`IHDR ${who} signed here`)]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
