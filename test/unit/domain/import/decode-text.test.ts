import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../src/domain/import/decode-text.js';

describe('decodeText', () => {
  it('reads UTF-8 and drops its BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFLeśny Rów'))).toBe('Leśny Rów');
  });

  it('reads a Windows-1250 file from Polish Excel without losing its letters', () => {
    // "Leśny Rów łąę" in Windows-1250: ś = 0x9C, ó = 0xF3, ł = 0xB3, ą = 0xB9, ę = 0xEA.
    const bytes = Uint8Array.from([0x4c, 0x65, 0x9c, 0x6e, 0x79, 0x20, 0x52, 0xf3, 0x77, 0x20, 0xb3, 0xb9, 0xea]);

    expect(decodeText(bytes)).toBe('Leśny Rów łąę');
  });
});
