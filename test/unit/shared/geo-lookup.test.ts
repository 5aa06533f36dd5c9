import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistrictLookupSchema, type DistrictLookup } from '../../../src-shared/ipc/desk-api.ts';
import { describeLookup, knownPlaceName, listDistricts, lookupDistrict } from '../../../src-shared/geo/index.ts';
import { OUTSIDE_PLACES } from '../../../src-shared/geo/outside-places.ts';
import { DISTRICT_VARIANTS } from '../../../src-shared/geo/variants.ts';

function ubigeoOf(result: DistrictLookup): string {
  if (!result.inArea) throw new Error(`expected a district, got ${result.code} (${result.knownPlace ?? 'no known place'})`);
  return result.district.ubigeo;
}

const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

describe('lookupDistrict: official names and UBIGEO', () => {
  it.each(listDistricts().map((d) => [d.name, d.ubigeo] as const))('finds %s (%s) by its official name, however it is typed', (name, ubigeo) => {
    for (const typed of [name, name.toUpperCase(), name.toLowerCase(), stripAccents(name), `  ${name.replace(/ /g, '   ')}  `, `Distrito de ${name}`, `${name} - Lima`, `${name}, Lima, Perú`, `${name}.`]) {
      const result = lookupDistrict(typed);
      expect(ubigeoOf(result), typed).toBe(ubigeo);
      expect(result.inArea && result.matchedBy, typed).toBe('name');
    }
  });

  it.each(listDistricts().map((d) => [d.ubigeo, d.name] as const))('finds %s (%s) by UBIGEO', (ubigeo, name) => {
    const result = lookupDistrict(` ${ubigeo} `);
    expect(result).toEqual({ inArea: true, district: { ubigeo, name, province: ubigeo.startsWith('07') ? 'Callao' : 'Lima', zone: expect.any(String) }, matchedBy: 'ubigeo' });
    expect(ubigeoOf(lookupDistrict(`UBIGEO: ${ubigeo}`))).toBe(ubigeo);
  });
});

describe('lookupDistrict: what people say in Lima', () => {
  const variants: ReadonlyArray<readonly [string, string]> = [
    ['Cercado de Lima', '150101'],
    ['Cercado', '150101'],
    ['Lima Cercado', '150101'],
    ['Centro de Lima', '150101'],
    ['Lima', '150101'],
    ['Surco', '150140'],
    ['Santiago de Surco', '150140'],
    ['SJL', '150132'],
    ['s.j.l.', '150132'],
    ['SJM', '150133'],
    ['SMP', '150135'],
    ['San Martín de Porras', '150135'],
    ['VES', '150142'],
    ['VMT', '150143'],
    ['Villa María', '150143'],
    ['La Victoria', '150115'],
    ['Gamarra', '150115'],
    ['Magdalena', '150120'],
    ['Magdalena del Mar', '150120'],
    ['Pueblo Libre', '150121'],
    ['Chosica', '150118'],
    ['Lurigancho-Chosica', '150118'],
    ['Huachipa', '150118'],
    ['Breña', '150105'],
    ['Brena', '150105'],
    ['Callao', '070101'],
    ['Cercado del Callao', '070101'],
    ['Ate', '150103'],
    ['Ate Vitarte', '150103'],
    ['Ate-Vitarte', '150103'],
    ['Vitarte', '150103'],
    ['Huaycán', '150103'],
    ['Chaclacayo', '150107'],
    ['San Isidro', '150131'],
    ['Jesús María', '150113'],
    ['jesus maria', '150113'],
    ['Lince', '150116'],
    ['Los Olivos', '150117'],
    ['Carabayllo', '150106'],
    ['Punta Hermosa', '150126'],
    ['El Rímac', '150128'],
    ['Agustino', '150111'],
    ['San Francisco de Borja', '150130'],
    ['Carmen de la Legua', '070103'],
    ['Mi Peru', '070107'],
  ];
  it.each(variants)('%s → %s', (typed, ubigeo) => {
    expect(ubigeoOf(lookupDistrict(typed))).toBe(ubigeo);
  });

  it('resolves every listed variant to its own district', () => {
    for (const [ubigeo, names] of Object.entries(DISTRICT_VARIANTS)) {
      for (const name of names) expect(lookupDistrict(name), name).toMatchObject({ inArea: true, matchedBy: 'variant', district: { ubigeo } });
    }
  });

  it('says which way it matched', () => {
    expect(lookupDistrict('Chosica')).toMatchObject({ inArea: true, matchedBy: 'variant' });
    expect(lookupDistrict('Lurigancho')).toMatchObject({ inArea: true, matchedBy: 'name' });
    expect(lookupDistrict('150118')).toMatchObject({ inArea: true, matchedBy: 'ubigeo' });
  });

  it('reads the district at the end of an address', () => {
    expect(ubigeoOf(lookupDistrict('Av. José Larco 345, Miraflores, Lima'))).toBe('150122');
    expect(ubigeoOf(lookupDistrict('Jr. Ica 123, Lima'))).toBe('150101');
    expect(ubigeoOf(lookupDistrict('Av. Colonial 2020 - Bellavista - Callao'))).toBe('070102');
    expect(ubigeoOf(lookupDistrict('Calle Los Pinos 120 (San Borja)'))).toBe('150130');
  });

  it('forgives one typing slip in a long name, and only there', () => {
    expect(ubigeoOf(lookupDistrict('Chorillos'))).toBe('150108');
    expect(ubigeoOf(lookupDistrict('Miraflorez'))).toBe('150122');
    expect(ubigeoOf(lookupDistrict('Ventanila'))).toBe('070106');
    expect(lookupDistrict('Chorillos')).toMatchObject({ matchedBy: 'variant' });
    // Two slips, or a slip in a short name, are not guessed.
    expect(lookupDistrict('Chorilloz').inArea).toBe(false);
    expect(lookupDistrict('Lnce')).toMatchObject({ inArea: false, code: 'UNKNOWN_PLACE' });
  });
});

describe('lookupDistrict: outside the service area', () => {
  const outside: ReadonlyArray<readonly [string, string]> = [
    ['Huaral', 'Provincia de Huaral'],
    ['Chancay', 'Provincia de Huaral'],
    ['Huacho', 'Provincia de Huaura'],
    ['Barranca', 'Provincia de Barranca'],
    ['Cañete', 'Provincia de Cañete'],
    ['San Vicente de Cañete', 'Provincia de Cañete'],
    ['Mala', 'Provincia de Cañete'],
    ['Asia', 'Provincia de Cañete'],
    ['Chilca', 'Provincia de Cañete'],
    ['Huarochirí', 'Provincia de Huarochirí'],
    ['Santa Eulalia', 'Provincia de Huarochirí'],
    ['Matucana', 'Provincia de Huarochirí'],
    ['San Mateo', 'Provincia de Huarochirí'],
    ['Canta', 'Provincia de Canta'],
    ['Ica', 'Departamento de Ica'],
    ['Arequipa', 'Departamento de Arequipa'],
    ['Trujillo', 'Departamento de La Libertad'],
    ['Cusco', 'Departamento de Cusco'],
    ['Cuzco', 'Departamento de Cusco'],
    ['Chiclayo', 'Departamento de Lambayeque'],
    ['Piura', 'Departamento de Piura'],
    ['Huancayo', 'Departamento de Junín'],
    ['Lima Provincias', 'Lima Provincias'],
    ['Provincia de Huaral', 'Provincia de Huaral'],
    ['Huaral, Lima', 'Provincia de Huaral'],
    ['Distrito de Chancay', 'Provincia de Huaral'],
    ['HUACHO - LIMA', 'Provincia de Huaura'],
  ];
  it.each(outside)('%s is in %s', (typed, knownPlace) => {
    expect(lookupDistrict(typed)).toEqual({ inArea: false, code: 'OUTSIDE_SERVICE_AREA', query: typed.trim(), knownPlace });
  });

  it('places every listed outside name where the list says', () => {
    for (const { place, names } of OUTSIDE_PLACES) {
      for (const name of names) expect(lookupDistrict(name), name).toMatchObject({ inArea: false, code: 'OUTSIDE_SERVICE_AREA', knownPlace: knownPlaceName(place) });
    }
  });

  it('places a UBIGEO of elsewhere by its province or department', () => {
    expect(lookupDistrict('150601')).toMatchObject({ code: 'OUTSIDE_SERVICE_AREA', knownPlace: 'Provincia de Huaral' });
    expect(lookupDistrict('150501')).toMatchObject({ code: 'OUTSIDE_SERVICE_AREA', knownPlace: 'Provincia de Cañete' });
    expect(lookupDistrict('040101')).toMatchObject({ code: 'OUTSIDE_SERVICE_AREA', knownPlace: 'Departamento de Arequipa' });
    expect(lookupDistrict('130101')).toMatchObject({ code: 'OUTSIDE_SERVICE_AREA', knownPlace: 'Departamento de La Libertad' });
  });

  it('does not invent places for codes that cannot exist', () => {
    for (const code of ['150144', '150199', '070108', '990101', '150000', '110100', '151101']) {
      expect(lookupDistrict(code), code).toEqual({ inArea: false, code: 'UNKNOWN_PLACE', query: code });
    }
  });
});

describe('lookupDistrict: empty and unknown', () => {
  it.each(['', '   ', '\t\n', '--', ' , . '])('%j is EMPTY', (typed) => {
    expect(lookupDistrict(typed)).toEqual({ inArea: false, code: 'EMPTY', query: typed.replace(/\s+/g, ' ').trim() });
  });

  it('echoes the query trimmed, with inner spaces collapsed', () => {
    expect(lookupDistrict('  Narnia   del   Sur ')).toEqual({ inArea: false, code: 'UNKNOWN_PLACE', query: 'Narnia del Sur' });
  });

  it('does not guess an ambiguous name', () => {
    // SMP or the San Martín region: the user must say which.
    expect(lookupDistrict('San Martín')).toMatchObject({ inArea: false, code: 'UNKNOWN_PLACE' });
    expect(lookupDistrict('Lima Metropolitana')).toMatchObject({ inArea: false, code: 'UNKNOWN_PLACE' });
  });

  it('always answers with the DistrictLookup shape, for any text', () => {
    const names = listDistricts().map((d) => d.name);
    const placeish = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...names), fc.stringMatching(/^\d{6}$/), fc.constantFrom('Distrito de', ' - ', ',', 'Lima', 'Perú', 'ñ', 'Ñ', 'á'));
    fc.assert(
      fc.property(fc.array(placeish, { maxLength: 4 }), (parts) => {
        const result = lookupDistrict(parts.join(' '));
        expect(DistrictLookupSchema.parse(result)).toEqual(result);
        if (result.inArea) expect(listDistricts().some((d) => d.ubigeo === result.district.ubigeo)).toBe(true);
        expect(describeLookup(result, 'es-PE').length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('describeLookup', () => {
  it('tells a person, in Spanish and English, whether a place is served', () => {
    const miraflores = lookupDistrict('Miraflores');
    expect(describeLookup(miraflores, 'es-PE')).toBe('Miraflores está dentro del área de servicio (Lima Centro).');
    expect(describeLookup(miraflores, 'en')).toBe('Miraflores is inside the service area (Lima Centro).');

    const huaral = lookupDistrict('huaral');
    expect(describeLookup(huaral, 'es-PE')).toBe('Huaral está fuera del área de servicio: pertenece a la Provincia de Huaral. Solo atendemos en sitio en Lima Metropolitana y el Callao.');
    expect(describeLookup(huaral, 'en')).toBe('Huaral is outside the service area: it is in the province of Huaral. On-site work covers only Lima Metropolitana and Callao.');

    expect(describeLookup(lookupDistrict('Trujillo'), 'es-PE')).toBe('Trujillo está fuera del área de servicio: pertenece al Departamento de La Libertad. Solo atendemos en sitio en Lima Metropolitana y el Callao.');
    expect(describeLookup(lookupDistrict('150601'), 'es-PE')).toBe('El UBIGEO 150601 está fuera del área de servicio: pertenece a la Provincia de Huaral. Solo atendemos en sitio en Lima Metropolitana y el Callao.');
    expect(describeLookup(lookupDistrict('Lima Provincias'), 'es-PE')).toBe('Lima Provincias está fuera del área de servicio. Solo atendemos en sitio en Lima Metropolitana y el Callao.');
  });

  it('names the variant the way the lists spell it, accents included', () => {
    expect(describeLookup(lookupDistrict('canete'), 'es-PE')).toMatch(/^Cañete está fuera del área de servicio: pertenece a la Provincia de Cañete\./);
  });

  it('asks again when the place is unknown or nothing was typed', () => {
    expect(describeLookup(lookupDistrict('Narnia'), 'es-PE')).toBe('No reconocemos «Narnia» como distrito de Lima Metropolitana o del Callao. Escriba el nombre del distrito o su UBIGEO de 6 dígitos.');
    expect(describeLookup(lookupDistrict('Narnia'), 'en')).toBe('“Narnia” is not a district of Lima Metropolitana or Callao that we recognise. Type the district\'s name or its 6-digit UBIGEO.');
    expect(describeLookup(lookupDistrict(' '), 'es-PE')).toBe('Escriba un distrito de Lima o del Callao, o su UBIGEO.');
    expect(describeLookup(lookupDistrict(''), 'en')).toBe('Type a district of Lima or Callao, or its UBIGEO.');
  });
});
