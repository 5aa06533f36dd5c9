/**
 * Street names per district, so a demo address reads like one a Lima office
 * really has ("Av. Javier Prado Este 1234, Of. 502"). Districts not listed,
 * and a share of every district, fall back to the street names every Lima
 * urbanización repeats. Outside-area places carry their real INEI UBIGEO.
 */
import type { Rng } from '../prng.ts';

export const STREETS_BY_DISTRICT: Readonly<Record<string, readonly string[]>> = {
  // Callao
  '070101': ['Av. Sáenz Peña', 'Av. Guardia Chalaca', 'Av. Argentina', 'Jr. Constitución'],
  '070102': ['Av. Óscar R. Benavides', 'Av. Guardia Chalaca', 'Av. Santa Rosa'],
  '070103': ['Av. Argentina', 'Av. Morales Duárez'],
  '070104': ['Av. La Paz', 'Av. Costanera', 'Av. Santa Rosa'],
  '070105': ['Av. Grau', 'Malecón Pardo', 'Jr. Sáenz Peña'],
  '070106': ['Av. Néstor Gambetta', 'Av. Pedro Beltrán', 'Av. La Playa'],
  '070107': ['Av. Ayacucho', 'Av. Central'],
  // Lima Centro
  '150101': ['Jr. de la Unión', 'Av. Abancay', 'Jr. Lampa', 'Av. Nicolás de Piérola', 'Jr. Camaná', 'Av. Tacna', 'Jr. Ica'],
  '150104': ['Av. Grau', 'Av. Pedro de Osma', 'Av. San Martín', 'Jr. Unión'],
  '150105': ['Av. Arica', 'Av. Venezuela', 'Av. Tingo María', 'Jr. Huaraz'],
  '150113': ['Av. Salaverry', 'Av. Brasil', 'Av. Cuba', 'Av. San Felipe', 'Av. Gregorio Escobedo'],
  '150115': ['Jr. Gamarra', 'Av. Isabel La Católica', 'Av. México', 'Av. 28 de Julio', 'Av. Canadá', 'Av. Nicolás Arriola'],
  '150116': ['Av. Arequipa', 'Av. Petit Thouars', 'Av. Arenales', 'Av. Juan Pardo de Zela'],
  '150120': ['Av. Brasil', 'Av. Javier Prado Oeste', 'Av. Sucre', 'Av. del Ejército'],
  '150121': ['Av. Bolívar', 'Av. La Mar', 'Av. Sucre', 'Av. Vivanco'],
  '150122': ['Av. José Larco', 'Av. Benavides', 'Av. Angamos Oeste', 'Av. José Pardo', 'Calle Schell', 'Av. Diagonal'],
  '150128': ['Av. Francisco Pizarro', 'Av. Amancaes', 'Jr. Trujillo'],
  '150130': ['Av. San Luis', 'Av. Aviación', 'Av. Javier Prado Este', 'Av. San Borja Norte', 'Av. Las Artes Sur'],
  '150131': ['Av. Javier Prado Este', 'Av. Camino Real', 'Av. Rivera Navarrete', 'Calle Las Begonias', 'Av. Jorge Basadre', 'Av. Canaval y Moreyra', 'Calle Los Laureles'],
  '150134': ['Av. Nicolás Arriola', 'Av. San Luis', 'Av. Canadá', 'Av. Rosa Toro'],
  '150136': ['Av. La Marina', 'Av. Universitaria', 'Av. Elmer Faucett', 'Av. Rafael Escardó', 'Av. Libertad'],
  '150140': ['Av. Primavera', 'Av. Caminos del Inca', 'Av. El Polo', 'Av. Benavides', 'Av. Tomás Marsano', 'Av. Encalada'],
  '150141': ['Av. Tomás Marsano', 'Av. República de Panamá', 'Av. Angamos Este', 'Av. Principal'],
  // Lima Norte
  '150102': ['Malecón Ferreyros', 'Av. Andrés A. Cáceres'],
  '150106': ['Av. Túpac Amaru', 'Av. Camino Real'],
  '150110': ['Av. Túpac Amaru', 'Av. Universitaria', 'Av. Belaúnde'],
  '150112': ['Av. Carlos Izaguirre', 'Av. Túpac Amaru', 'Av. Alfredo Mendiola', 'Av. Industrial'],
  '150117': ['Av. Carlos Izaguirre', 'Av. Antúnez de Mayolo', 'Av. Las Palmeras', 'Av. Universitaria', 'Av. Alfredo Mendiola'],
  '150125': ['Av. Juan Lecaros', 'Av. Buenos Aires', 'Av. Puente Piedra'],
  '150135': ['Av. Perú', 'Av. Universitaria', 'Av. José Granda', 'Av. Tomás Valle', 'Av. Germán Aguirre'],
  '150139': ['Av. Las Gaviotas'],
  // Lima Este
  '150103': ['Av. Nicolás Ayllón', 'Av. La Molina', 'Av. Separadora Industrial', 'Av. Los Frutales', 'Av. Javier Prado Este'],
  '150107': ['Av. Nicolás Ayllón', 'Av. Perú'],
  '150109': ['Av. Nueva Toledo', 'Av. San Martín'],
  '150111': ['Av. Riva Agüero', 'Av. César Vallejo', 'Av. José Carlos Mariátegui'],
  '150114': ['Av. La Molina', 'Av. Javier Prado Este', 'Av. Raúl Ferrero', 'Av. La Fontana', 'Av. Flora Tristán'],
  '150118': ['Av. Lima Sur', 'Av. Lima Norte', 'Carretera Central'],
  '150132': ['Av. Próceres de la Independencia', 'Av. Gran Chimú', 'Av. Wiesse', 'Av. Canto Grande', 'Av. Lurigancho'],
  '150137': ['Av. Los Ruiseñores', 'Av. Huarochirí', 'Av. La Cultura'],
  // Lima Sur
  '150108': ['Av. Defensores del Morro', 'Av. Guardia Civil', 'Av. Alameda Sur', 'Av. Huaylas'],
  '150119': ['Antigua Panamericana Sur', 'Av. San Pedro'],
  '150123': ['Av. Paul Poblet', 'Av. Víctor Malásquez', 'Antigua Panamericana Sur'],
  '150133': ['Av. Los Héroes', 'Av. San Juan', 'Av. Miguel Iglesias'],
  '150142': ['Av. Revolución', 'Av. Pachacútec', 'Av. Juan Velasco Alvarado', 'Av. Separadora Industrial', 'Av. El Sol'],
  '150143': ['Av. Pachacútec', 'Av. Salvador Allende', 'Av. Lima'],
};

/** Names every Lima urbanización has; used where no district list applies. */
const COMMON_STREETS = ['Av. Los Próceres', 'Calle Las Gardenias', 'Jr. Los Pinos', 'Av. Principal', 'Calle Los Eucaliptos', 'Jr. San Martín', 'Av. Las Flores', 'Calle Los Jazmines', 'Jr. Bolognesi', 'Av. Grau'];

/** A street address with number and, for offices, the unit: "Av. Javier Prado Este 1234, Of. 502". */
export function randomAddress(rng: Rng, ubigeo: string): string {
  const list = STREETS_BY_DISTRICT[ubigeo];
  const street = list !== undefined && rng.chance(0.85) ? rng.pick(list) : rng.pick(COMMON_STREETS);
  const number = street.startsWith('Av.') ? rng.int(100, 4_999) : rng.int(100, 1_299);
  switch (rng.weighted(['office', 'floor', 'int', 'plain', 'lot'] as const, [35, 15, 15, 25, 10])) {
    case 'office':
      return `${street} ${number}, Of. ${rng.int(1, 12)}0${rng.int(1, 9)}`;
    case 'floor':
      return `${street} ${number}, Piso ${rng.int(2, 14)}`;
    case 'int':
      return `${street} ${number}, Int. ${rng.int(1, 30)}`;
    case 'plain':
      return `${street} ${number}`;
    case 'lot':
      return `${street} Mz. ${String.fromCharCode(65 + rng.int(0, 11))} Lt. ${rng.int(1, 30)}, Urb. ${rng.pick(['Los Jardines', 'Santa Rosa', 'El Pinar', 'San Carlos', 'Las Praderas'])}`;
  }
}

/** Customers the company serves remotely only: these towns are outside Lima Metropolitana and Callao. */
export interface OutsidePlace {
  /** INEI UBIGEO of the district (Lima department: 15, province, district). */
  readonly ubigeo: string;
  readonly town: string;
  readonly province: string;
  readonly streets: readonly string[];
}

export const OUTSIDE_AREA_PLACES: readonly OutsidePlace[] = [
  { ubigeo: '150601', town: 'Huaral', province: 'Huaral', streets: ['Av. Chancay', 'Jr. Derecha', 'Av. Grau'] },
  { ubigeo: '150605', town: 'Chancay', province: 'Huaral', streets: ['Av. Roosevelt', 'Jr. Mariscal Sucre'] },
  { ubigeo: '150501', town: 'San Vicente de Cañete', province: 'Cañete', streets: ['Jr. 2 de Mayo', 'Av. Mariscal Benavides'] },
  { ubigeo: '150801', town: 'Huacho', province: 'Huaura', streets: ['Av. 28 de Julio', 'Av. Túpac Amaru', 'Jr. Colón'] },
];

export function outsideAddress(rng: Rng, place: OutsidePlace): string {
  return `${rng.pick(place.streets)} ${rng.int(100, 1_499)}, ${place.town}`;
}
