/**
 * The service area: the 43 districts of the Provincia de Lima and the 7 of the
 * Provincia Constitucional del Callao (DESIGN.md §1). The data is a copy of
 * /work/shared/reference/lima-callao-districts.json (INEI UBIGEO, zone,
 * centroid and district-capital coordinates, RENIEC code); a unit test keeps
 * the copy equal to the reference when the reference is present.
 */
import type { DistrictInfo } from '../ipc/desk-api.ts';
import rawDistricts from './lima-callao-districts.json' with { type: 'json' };

/** A district of the service area with the coordinates the travel model needs. */
export interface District extends DistrictInfo {
  /** Name of the district capital (e.g. Ate → Vitarte, Lurigancho → Chosica). */
  readonly capital: string;
  /** District capital, WGS84 degrees: travel times are measured between capitals. */
  readonly capitalLat: number;
  readonly capitalLon: number;
  /** Geometric centroid of the district, WGS84 degrees. */
  readonly centroidLat: number;
  readonly centroidLon: number;
  /** RENIEC's own district code (printed on DNIs); differs from the INEI UBIGEO. */
  readonly reniec: string;
}

interface RawDistrict {
  ubigeo: string;
  name: string;
  province: string;
  zone: string;
  lat: number;
  lon: number;
  capital: string;
  capital_lat: number;
  capital_lon: number;
  reniec: string;
}

function toDistrict(raw: RawDistrict): District {
  if (raw.province !== 'Lima' && raw.province !== 'Callao') {
    throw new Error(`lima-callao-districts.json: ${raw.ubigeo} has province "${raw.province}", expected Lima or Callao.`);
  }
  return Object.freeze({
    ubigeo: raw.ubigeo,
    name: raw.name,
    province: raw.province,
    zone: raw.zone,
    capital: raw.capital,
    capitalLat: raw.capital_lat,
    capitalLon: raw.capital_lon,
    centroidLat: raw.lat,
    centroidLon: raw.lon,
    reniec: raw.reniec,
  });
}

const DISTRICTS: readonly District[] = Object.freeze((rawDistricts as RawDistrict[]).map(toDistrict).sort((a, b) => a.ubigeo.localeCompare(b.ubigeo)));
const BY_UBIGEO: ReadonlyMap<string, District> = new Map(DISTRICTS.map((d) => [d.ubigeo, d]));

/** All 50 districts of the service area, ordered by UBIGEO (Callao 07…, then Lima 15…). */
export function listDistricts(): readonly District[] {
  return DISTRICTS;
}

/** The district with this INEI UBIGEO, or undefined when it is not in the service area. */
export function districtByUbigeo(code: string): District | undefined {
  return BY_UBIGEO.get(code.trim());
}

/** True when on-site work may be booked in this district. */
export function isInServiceArea(ubigeo: string): boolean {
  return BY_UBIGEO.has(ubigeo.trim());
}

/** The wire shape (`DistrictSchema` of desk-api.ts): exactly ubigeo, name, province, zone. */
export function toDistrictInfo(district: DistrictInfo): DistrictInfo {
  return { ubigeo: district.ubigeo, name: district.name, province: district.province, zone: district.zone };
}
