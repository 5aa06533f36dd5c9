import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DistrictSchema } from '../../../src-shared/ipc/desk-api.ts';
import { districtByUbigeo, isInServiceArea, listDistricts, toDistrictInfo } from '../../../src-shared/geo/index.ts';

const shippedCopy = fileURLToPath(new URL('../../../src-shared/geo/lima-callao-districts.json', import.meta.url));
const fixtureCopy = fileURLToPath(new URL('../../fixtures/lima-callao-districts.json', import.meta.url));
// The reference data lives outside the repository, next to the checkout (/work/shared/reference).
const referenceFile = fileURLToPath(new URL('../../../../shared/reference/lima-callao-districts.json', import.meta.url));

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('service-area data', () => {
  it('the shipped copy equals the shared reference data', (ctx) => {
    if (!existsSync(referenceFile)) {
      const reason = `reference file ${referenceFile} is not present on this machine; comparing only the repo copies`;
      console.warn(`[skip] ${reason}`);
      ctx.skip(reason);
    }
    expect(readJson(shippedCopy)).toEqual(readJson(referenceFile));
  });

  it('the test fixture equals the shipped copy', () => {
    expect(readJson(fixtureCopy)).toEqual(readJson(shippedCopy));
  });

  it('has the 43 districts of the Provincia de Lima and the 7 of the Callao, each once', () => {
    const districts = listDistricts();
    expect(districts).toHaveLength(50);
    expect(new Set(districts.map((d) => d.ubigeo)).size).toBe(50);
    const lima = districts.filter((d) => d.province === 'Lima');
    const callao = districts.filter((d) => d.province === 'Callao');
    expect(lima).toHaveLength(43);
    expect(callao).toHaveLength(7);
    // INEI numbering: Lima province 1501xx (01–43), Callao 0701xx (01–07).
    expect(lima.map((d) => d.ubigeo)).toEqual(Array.from({ length: 43 }, (_, i) => `1501${String(i + 1).padStart(2, '0')}`));
    expect(callao.map((d) => d.ubigeo)).toEqual(Array.from({ length: 7 }, (_, i) => `0701${String(i + 1).padStart(2, '0')}`));
  });

  it('puts every district capital inside the Lima–Callao bounding box', () => {
    for (const d of listDistricts()) {
      expect(d.capitalLat, d.name).toBeGreaterThan(-12.6);
      expect(d.capitalLat, d.name).toBeLessThan(-11.5);
      expect(d.capitalLon, d.name).toBeGreaterThan(-77.3);
      expect(d.capitalLon, d.name).toBeLessThan(-76.5);
    }
  });

  it('uses the five zones of the reference data', () => {
    expect(new Set(listDistricts().map((d) => d.zone))).toEqual(new Set(['Lima Centro', 'Lima Norte', 'Lima Este', 'Lima Sur', 'Callao']));
  });

  it('finds districts by UBIGEO and says when a code is not in the area', () => {
    expect(districtByUbigeo('150122')?.name).toBe('Miraflores');
    expect(districtByUbigeo(' 070106 ')?.name).toBe('Ventanilla');
    expect(districtByUbigeo('150601')).toBeUndefined();
    expect(districtByUbigeo('')).toBeUndefined();
    expect(isInServiceArea('150132')).toBe(true);
    expect(isInServiceArea('150501')).toBe(false);
  });

  it('gives the wire shape of DistrictSchema, with nothing extra', () => {
    const miraflores = districtByUbigeo('150122');
    if (miraflores === undefined) throw new Error('Miraflores (150122) is missing from the data');
    const info = toDistrictInfo(miraflores);
    expect(info).toEqual({ ubigeo: '150122', name: 'Miraflores', province: 'Lima', zone: 'Lima Centro' });
    expect(DistrictSchema.strict().parse(info)).toEqual(info);
  });
});
