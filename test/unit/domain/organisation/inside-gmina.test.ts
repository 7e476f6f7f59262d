import { describe, expect, it } from 'vitest';
import { isInsideGmina } from '../../../../src/domain/organisation/inside-gmina.js';
import { SROKOWO_BOUNDARY } from '../../../../prisma/demo-srokowo.js';

describe('inside the gmina', () => {
  it.each([
    ['Srokowo', 54.213, 21.519, true],
    ['Leśny Rów', 54.258, 21.501, true],
    ['Głowbity', 54.158, 21.578, true],
    ['Kętrzyn', 54.076, 21.375, false],
    ['Węgorzewo', 54.214, 21.738, false],
    ['Olsztyn', 53.778, 20.48, false],
  ])('%s is inside the demo boundary: %s', (_name, lat, lon, inside) => {
    expect(isInsideGmina(SROKOWO_BOUNDARY, lat, lon)).toBe(inside);
  });

  it('says nothing without a boundary', () => {
    expect(isInsideGmina(null, 54.213, 21.519)).toBeNull();
  });
});
