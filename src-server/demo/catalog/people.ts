/**
 * Peruvian given names and surnames for demo staff and customer contacts.
 * The mix follows what one hears in a Lima office: Spanish surnames next to
 * Quechua and Aymara ones (Quispe, Mamani, Huamán, Condori, Ccahuana…).
 */
import type { Rng } from '../prng.ts';

export const GIVEN_NAMES_F = [
  'Carmen', 'Rosa', 'María', 'Lucía', 'Patricia', 'Milagros', 'Jessica', 'Karina', 'Diana', 'Mónica',
  'Giovanna', 'Lourdes', 'Elizabeth', 'Katherine', 'Fiorella', 'Gabriela', 'Claudia', 'Pilar', 'Rocío', 'Sandra',
  'Vanessa', 'Yolanda', 'Ruth', 'Maribel', 'Silvia', 'Liliana', 'Flor', 'Janet', 'Cecilia', 'Ana',
  'Kelly', 'Luz', 'Marleny', 'Nataly', 'Verónica', 'Susana', 'Erika', 'Stephanie', 'Miriam', 'Betty',
] as const;

export const GIVEN_NAMES_M = [
  'Luis', 'Jorge', 'Miguel', 'Renzo', 'Carlos', 'José', 'Juan', 'César', 'Víctor', 'Raúl',
  'Ricardo', 'Óscar', 'Walter', 'Fernando', 'Alberto', 'Percy', 'Manuel', 'Eduardo', 'Gustavo', 'Julio',
  'Roberto', 'Marco', 'Giancarlo', 'Diego', 'Christian', 'Edwin', 'Henry', 'Wilmer', 'Alonso', 'Daniel',
  'Pedro', 'Javier', 'Hugo', 'Frank', 'Héctor', 'Martín', 'Franco', 'Elmer', 'Iván', 'Rubén',
] as const;

export const SURNAMES = [
  'Quispe', 'Flores', 'Rojas', 'Huamán', 'Mamani', 'Ramos', 'García', 'Chávez', 'Torres', 'Sánchez',
  'Díaz', 'Mendoza', 'Vásquez', 'Castillo', 'Gutiérrez', 'Condori', 'Ccahuana', 'Espinoza', 'Paredes', 'Salazar',
  'Cárdenas', 'Villanueva', 'Huaranga', 'Tello', 'Medina', 'Salas', 'Lazo', 'Vílchez', 'Ayala', 'Huamaní',
  'Palomino', 'Cabrera', 'Zevallos', 'Aguirre', 'Ticona', 'Apaza', 'Chumpitaz', 'Ñahui', 'Yupanqui', 'Cusi',
  'Morales', 'Herrera', 'Pizarro', 'Benites', 'Arroyo', 'Valdivia', 'Cornejo', 'Ríos', 'Soto', 'León',
  'Alarcón', 'Bustamante', 'Montoya', 'Ugarte', 'Olivares', 'Fernández', 'Navarro', 'Carrasco', 'Pacheco', 'Inga',
] as const;

export interface PersonName {
  readonly given: string;
  readonly surname1: string;
  readonly surname2: string;
  /** "Rosa Flores Ccahuana": given name and both surnames, as Peruvians sign. */
  readonly full: string;
}

export function randomPerson(rng: Rng): PersonName {
  const given = rng.chance(0.5) ? rng.pick(GIVEN_NAMES_F) : rng.pick(GIVEN_NAMES_M);
  const surname1 = rng.pick(SURNAMES);
  let surname2 = rng.pick(SURNAMES);
  if (surname2 === surname1) surname2 = rng.pick(SURNAMES);
  return { given, surname1, surname2, full: `${given} ${surname1} ${surname2}` };
}

/** Lower-case ASCII for e-mail local parts and domains: "Ñahui" → "nahui". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
