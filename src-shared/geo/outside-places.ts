/**
 * Places people in Lima ask about that are OUTSIDE the service area, so the
 * desk can say "that is in the Provincia de Huaral" instead of "unknown".
 * Two sources: a list of names (provinces of Lima region around the city,
 * departments and their main cities), and INEI UBIGEO prefixes, which name
 * the department (first two digits) and, for the Lima department, the
 * province (first four).
 */

export type OutsidePlaceKind = 'province' | 'department' | 'region';

export interface OutsidePlace {
  readonly kind: OutsidePlaceKind;
  /** "Huaral", "Ica", "Lima Provincias". */
  readonly name: string;
}

/** The `knownPlace` text of a lookup result, Spanish: "Provincia de Huaral", "Departamento de Ica". */
export function knownPlaceName(place: OutsidePlace): string {
  switch (place.kind) {
    case 'province':
      return `Provincia de ${place.name}`;
    case 'department':
      return `Departamento de ${place.name}`;
    case 'region':
      return place.name;
  }
}

const province = (name: string): OutsidePlace => ({ kind: 'province', name });
const department = (name: string): OutsidePlace => ({ kind: 'department', name });

/**
 * Names (as people write them) → where they are. The official name of each
 * province/department is matched on its own, with or without "Provincia de" /
 * "Departamento de"; list here the towns and alternative spellings.
 * Bare "San Martín" is left out on purpose: in Lima it usually means San
 * Martín de Porres, and guessing either way would mislead.
 */
export const OUTSIDE_PLACES: ReadonlyArray<{ readonly place: OutsidePlace; readonly names: readonly string[] }> = [
  // Provinces of the Lima department outside Lima Metropolitana ("Lima Provincias").
  { place: { kind: 'region', name: 'Lima Provincias' }, names: ['Lima Provincias', 'Lima Provincia', 'Provincias de Lima', 'Región Lima'] },
  { place: province('Huaral'), names: ['Huaral', 'Chancay', 'Aucallama'] },
  { place: province('Huaura'), names: ['Huaura', 'Huacho', 'Végueta', 'Sayán', 'Hualmay', 'Carquín'] },
  { place: province('Barranca'), names: ['Barranca', 'Paramonga', 'Pativilca', 'Supe', 'Supe Puerto'] },
  {
    place: province('Cañete'),
    names: ['Cañete', 'San Vicente de Cañete', 'Mala', 'Asia', 'Cerro Azul', 'Chilca', 'Imperial', 'Nuevo Imperial', 'Lunahuaná', 'Quilmaná', 'Santa Cruz de Flores', 'Coayllo', 'Calango'],
  },
  {
    place: province('Huarochirí'),
    names: ['Huarochirí', 'Santa Eulalia', 'Matucana', 'San Mateo', 'San Mateo de Huanchor', 'Ricardo Palma', 'Cocachacra', 'Callahuanca', 'San Bartolomé', 'Antioquía', 'Langa', 'Chicla', 'San Antonio de Huarochirí'],
  },
  { place: province('Canta'), names: ['Canta', 'Obrajillo', 'Santa Rosa de Quives'] },
  { place: province('Yauyos'), names: ['Yauyos'] },
  { place: province('Oyón'), names: ['Oyón'] },
  { place: province('Cajatambo'), names: ['Cajatambo'] },
  // The other departments and their main cities.
  { place: department('Amazonas'), names: ['Amazonas', 'Chachapoyas', 'Bagua'] },
  { place: department('Áncash'), names: ['Áncash', 'Huaraz', 'Chimbote', 'Casma', 'Huarmey', 'Caraz'] },
  { place: department('Apurímac'), names: ['Apurímac', 'Abancay', 'Andahuaylas'] },
  { place: department('Arequipa'), names: ['Arequipa', 'Camaná', 'Mollendo'] },
  { place: department('Ayacucho'), names: ['Ayacucho', 'Huamanga', 'Huanta'] },
  { place: department('Cajamarca'), names: ['Cajamarca', 'Jaén'] },
  { place: department('Cusco'), names: ['Cusco', 'Cuzco', 'Machu Picchu', 'Urubamba', 'Quillabamba', 'Sicuani'] },
  { place: department('Huancavelica'), names: ['Huancavelica'] },
  { place: department('Huánuco'), names: ['Huánuco', 'Tingo María'] },
  { place: department('Ica'), names: ['Ica', 'Pisco', 'Paracas', 'Chincha', 'Chincha Alta', 'Nasca', 'Nazca'] },
  { place: department('Junín'), names: ['Junín', 'Huancayo', 'Tarma', 'La Oroya', 'Jauja', 'Satipo'] },
  { place: department('La Libertad'), names: ['La Libertad', 'Trujillo', 'Huanchaco', 'Pacasmayo', 'Chepén'] },
  { place: department('Lambayeque'), names: ['Lambayeque', 'Chiclayo'] },
  { place: department('Loreto'), names: ['Loreto', 'Iquitos', 'Yurimaguas'] },
  { place: department('Madre de Dios'), names: ['Madre de Dios', 'Puerto Maldonado'] },
  { place: department('Moquegua'), names: ['Moquegua', 'Ilo'] },
  { place: department('Pasco'), names: ['Pasco', 'Cerro de Pasco', 'Oxapampa'] },
  { place: department('Piura'), names: ['Piura', 'Sullana', 'Talara', 'Paita', 'Máncora'] },
  { place: department('Puno'), names: ['Puno', 'Juliaca'] },
  { place: department('San Martín'), names: ['Región San Martín', 'Tarapoto', 'Moyobamba'] },
  { place: department('Tacna'), names: ['Tacna'] },
  { place: department('Tumbes'), names: ['Tumbes'] },
  { place: department('Ucayali'), names: ['Ucayali', 'Pucallpa'] },
];

/** INEI department codes (first two UBIGEO digits). 07 Callao and 15 Lima are handled by province. */
const DEPARTMENT_BY_CODE: Readonly<Record<string, string>> = {
  '01': 'Amazonas',
  '02': 'Áncash',
  '03': 'Apurímac',
  '04': 'Arequipa',
  '05': 'Ayacucho',
  '06': 'Cajamarca',
  '08': 'Cusco',
  '09': 'Huancavelica',
  '10': 'Huánuco',
  '11': 'Ica',
  '12': 'Junín',
  '13': 'La Libertad',
  '14': 'Lambayeque',
  '16': 'Loreto',
  '17': 'Madre de Dios',
  '18': 'Moquegua',
  '19': 'Pasco',
  '20': 'Piura',
  '21': 'Puno',
  '22': 'San Martín',
  '23': 'Tacna',
  '24': 'Tumbes',
  '25': 'Ucayali',
};

/** INEI province codes of the Lima department other than 1501 (Lima itself, the service area). */
const LIMA_PROVINCE_BY_CODE: Readonly<Record<string, string>> = {
  '1502': 'Barranca',
  '1503': 'Cajatambo',
  '1504': 'Canta',
  '1505': 'Cañete',
  '1506': 'Huaral',
  '1507': 'Huarochirí',
  '1508': 'Huaura',
  '1509': 'Oyón',
  '1510': 'Yauyos',
};

/**
 * Where a well-formed UBIGEO that is NOT one of the 50 service-area districts
 * lies, or undefined when the code cannot be a real district (e.g. 150199,
 * 990101, 110000). Province and district parts must be non-zero; beyond that
 * the district number is not checked against INEI's full list, which the
 * product does not ship.
 */
export function placeOfForeignUbigeo(code: string): OutsidePlace | undefined {
  const departmentCode = code.slice(0, 2);
  if (code.slice(2, 4) === '00' || code.slice(4, 6) === '00') return undefined;
  if (departmentCode === '15') {
    const name = LIMA_PROVINCE_BY_CODE[code.slice(0, 4)];
    return name === undefined ? undefined : province(name);
  }
  const name = DEPARTMENT_BY_CODE[departmentCode];
  return name === undefined ? undefined : department(name);
}
