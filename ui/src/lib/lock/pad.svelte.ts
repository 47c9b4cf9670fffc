// What has been typed on the unlock screen's number pad: digits only, up to a PIN's length,
// from the on-screen keys or the keyboard. Only the count is ever shown or announced.

/** The longest PIN the core accepts (4–8 digits, issue #10): more presses are ignored. */
export const PIN_MAX = 8;

/** What a key on the keyboard means to the pad. */
export type PadKey = 'digit' | 'delete' | 'submit';

export class PinEntry {
  digits = $state('');

  get count(): number {
    return this.digits.length;
  }

  /** One digit, 0–9; ignored once the PIN is as long as one can be. */
  press(digit: string): void {
    if (/^[0-9]$/.test(digit) && this.digits.length < PIN_MAX) this.digits += digit;
  }

  /** Deletes the last digit. */
  back(): void {
    this.digits = this.digits.slice(0, -1);
  }

  clear(): void {
    this.digits = '';
  }

  /** Applies a keyboard key (`KeyboardEvent.key`): digits and Backspace change the entry,
   *  Enter asks to submit. Anything else is not the pad's. */
  key(key: string): PadKey | null {
    if (/^[0-9]$/.test(key)) {
      this.press(key);
      return 'digit';
    }
    if (key === 'Backspace' || key === 'Delete') {
      this.back();
      return 'delete';
    }
    if (key === 'Enter') return 'submit';
    return null;
  }

  /** For screen readers: how many digits are in, never which. */
  get announcement(): string {
    if (this.count === 0) return 'No digits entered';
    return this.count === 1 ? '1 digit entered' : `${this.count} digits entered`;
  }
}
