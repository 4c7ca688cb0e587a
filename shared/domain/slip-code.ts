/**
 * The appointment number on a slip, and what a desk scanner types back at check-in (seed 000
 * step 3 and 5). The QR code on the slip carries exactly `slipCode(id)`: `FD-` and the
 * appointment's id, zero-padded to six digits (`FD-000123`). A USB scanner "types" that text
 * followed by Enter into the focused check-in box, which hands it to `parseSlipCode`.
 */

const SLIP_CODE = /^FD[-－]?(\d{1,12})$/i;

/** The slip code of an appointment: `FD-000123`. */
export function slipCode(appointmentId: number): string {
  return `FD-${String(appointmentId).padStart(6, '0')}`;
}

/**
 * The appointment id in a scanned or typed slip code, or null when the text is not one.
 * Tolerates the scanner's trailing newline, lower case and a full-width dash from a Chinese IME.
 *
 * @example parseSlipCode('FD-000123\r\n') // 123
 */
export function parseSlipCode(text: string): number | null {
  const match = SLIP_CODE.exec(text.trim());
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
