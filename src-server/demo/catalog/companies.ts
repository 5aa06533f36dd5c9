/**
 * What the demo's customers look like: small and medium Lima businesses by
 * sector, each with the office areas whose equipment breaks (equipment codes
 * like PC-CONTA-03 come from these) and the software they depend on.
 */
import type { Rng } from '../prng.ts';
import { GIVEN_NAMES_F, GIVEN_NAMES_M, SURNAMES } from './people.ts';

/** Peruvian legal forms; law firms are usually sociedades civiles (S.C.R.L.); notarías often carry none. */
export type LegalForm = 'S.A.C.' | 'E.I.R.L.' | 'S.A.' | 'S.R.L.' | 'S.C.R.L.' | '';

export interface Sector {
  readonly key: string;
  /** Relative frequency among customers. */
  readonly weight: number;
  /** The trade name without its legal form. */
  readonly baseName: (rng: Rng) => string;
  readonly legalForms: readonly LegalForm[];
  /** Office areas by code, as they appear in equipment names (PC-CONTA-03, IMP-CAJA-01); see AREA_LABELS. */
  readonly areas: readonly string[];
  /** Business software the customer runs; tickets mention it by name. */
  readonly systems: readonly string[];
  /** Generic mailboxes the customer registers (contabilidad@, admision@…). */
  readonly mailboxes: readonly string[];
}

/** How people name each office area in a sentence. */
export const AREA_LABELS: Readonly<Record<string, string>> = {
  CONTA: 'Contabilidad', PLANILLAS: 'Planillas', TRIBUTOS: 'Tributos', GER: 'Gerencia', RECEP: 'Recepción',
  ADMISION: 'Admisión', CAJA: 'Caja', LAB: 'Laboratorio', FARMACIA: 'Farmacia', CONSULT: 'Consultorios', ADM: 'Administración',
  DIRECCION: 'Dirección', SECRET: 'Secretaría', LABCOMP: 'Laboratorio de cómputo', TESORERIA: 'Tesorería', AULA: 'Aulas',
  ALMACEN: 'Almacén', VENTAS: 'Ventas', OPERACIONES: 'Operaciones', DESPACHO: 'Despacho', GPS: 'Monitoreo GPS',
  COCINA: 'Cocina', BARRA: 'Barra', KARDEX: 'Kardex', DIGITALIZ: 'Digitalización', SOCIOS: 'Socios', ARCHIVO: 'Archivo',
  PROYECTOS: 'Proyectos', COMEX: 'Comercio Exterior', PRODUCCION: 'Producción', DISENO: 'Diseño', RESERVAS: 'Reservas',
  DOCUMENTAC: 'Documentación',
};

const sn = (rng: Rng): string => rng.pick(SURNAMES);
const given = (rng: Rng): string => (rng.chance(0.5) ? rng.pick(GIVEN_NAMES_F) : rng.pick(GIVEN_NAMES_M));

const SAINTS = ['San Gabriel', 'Santa Lucía', 'San Judas Tadeo', 'Santa Rosa', 'San José', 'Virgen del Carmen', 'San Martín de Porres', 'Santa Teresa', 'San Antonio', 'Sagrado Corazón', 'Virgen de Fátima', 'San Rafael'];
const NICE_WORDS = ['Los Andes', 'Nuevo Horizonte', 'Los Álamos', 'Las Palmeras', 'El Pacífico', 'Santa Clara', 'Monterrico', 'Los Cedros', 'La Alborada', 'Miramar', 'Villa Sol', 'Los Portales', 'El Mirador', 'Las Lomas', 'Sol de Oro', 'Buena Vista'];
const FOOD_WORDS = ['El Chalaquito', 'Mar Adentro', 'Sabor Norteño', 'La Red de Pepe', 'El Tumbesino', 'Don Lucho', 'La Sazón de Mamá Rosa', 'El Cordobés', 'Punto Marino del Sur', 'El Rocoto', 'La Leña de Oro', 'El Piurano', 'Doña Julia', 'El Chinito de Lince', 'Brasa y Sabor', 'Wong Fu'];
const COLEGIO_NAMES = ['San Agustín de Hipona', 'Santa Teresita del Niño Jesús', 'Virgen de Fátima', 'Nuevo Horizonte', 'Los Álamos', 'Cristo Rey', 'Jesús de Nazaret', 'María Auxiliadora del Sur', 'José Olaya', 'Miguel Grau', 'Mariscal Cáceres', 'Trilce del Norte', 'Ricardo Palma', 'Ciencias y Letras'];

export const SECTORS: readonly Sector[] = [
  {
    key: 'estudio-contable', weight: 14,
    baseName: (rng) => rng.pick([`Estudio Contable ${sn(rng)} & Asociados`, `${sn(rng)} ${sn(rng)} Contadores Asociados`, `Estudio ${sn(rng)} Consultores Contables`, `Asesoría Contable ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.', 'S.R.L.'],
    areas: ['CONTA', 'PLANILLAS', 'TRIBUTOS', 'GER', 'RECEP'],
    systems: ['CONCAR', 'SISCONT', 'PDT Plame', 'SIRE de SUNAT', 'Starsoft'],
    mailboxes: ['contabilidad', 'administracion', 'gerencia', 'tributos'],
  },
  {
    key: 'clinica', weight: 10,
    baseName: (rng) => rng.pick([`Clínica ${rng.pick(SAINTS)}`, `Centro Médico ${rng.pick(NICE_WORDS)}`, `Policlínico ${rng.pick(SAINTS)}`, `Clínica Odontológica ${sn(rng)}`, `Laboratorio Clínico ${rng.pick(NICE_WORDS)}`]),
    legalForms: ['S.A.C.', 'S.A.C.', 'E.I.R.L.', 'S.A.'],
    areas: ['ADMISION', 'CAJA', 'LAB', 'FARMACIA', 'CONSULT', 'ADM'],
    systems: ['sistema de historias clínicas', 'sistema de citas', 'facturador electrónico', 'sistema de laboratorio'],
    mailboxes: ['admision', 'administracion', 'citas', 'facturacion'],
  },
  {
    key: 'colegio', weight: 8,
    baseName: (rng) => rng.pick([`Colegio ${rng.pick(COLEGIO_NAMES)}`, `Institución Educativa Privada ${rng.pick(COLEGIO_NAMES)}`, `Colegio Bilingüe ${rng.pick(NICE_WORDS)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.', 'S.R.L.'],
    areas: ['DIRECCION', 'SECRET', 'LABCOMP', 'TESORERIA', 'AULA'],
    systems: ['plataforma de notas', 'sistema de pensiones', 'Google Workspace for Education', 'aula virtual Moodle'],
    mailboxes: ['direccion', 'secretaria', 'tesoreria', 'informes'],
  },
  {
    key: 'ferreteria', weight: 8,
    baseName: (rng) => rng.pick([`Ferretería ${sn(rng)}`, `Distribuidora Ferretera ${sn(rng)}`, `Comercial Ferretero ${rng.pick(NICE_WORDS)}`, `Ferretería y Materiales ${sn(rng)} Hermanos`]),
    legalForms: ['E.I.R.L.', 'S.A.C.', 'S.R.L.'],
    areas: ['CAJA', 'ALMACEN', 'VENTAS', 'ADM'],
    systems: ['sistema de ventas', 'facturador electrónico', 'control de inventario'],
    mailboxes: ['ventas', 'administracion', 'almacen'],
  },
  {
    key: 'transportes', weight: 7,
    baseName: (rng) => rng.pick([`Transportes ${sn(rng)} Hermanos`, `Empresa de Transportes ${rng.pick(NICE_WORDS)}`, `Logística y Transportes ${sn(rng)}`, `Transportes y Servicios ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'S.A.', 'E.I.R.L.'],
    areas: ['OPERACIONES', 'DESPACHO', 'CONTA', 'GPS', 'ADM'],
    systems: ['sistema de guías de remisión', 'plataforma GPS', 'facturador electrónico'],
    mailboxes: ['operaciones', 'despacho', 'administracion'],
  },
  {
    key: 'restaurante', weight: 8,
    baseName: (rng) => rng.pick([`Restaurante ${rng.pick(FOOD_WORDS)}`, `Cevichería ${rng.pick(FOOD_WORDS)}`, `Pollería ${rng.pick(FOOD_WORDS)}`, `Chifa ${rng.pick(FOOD_WORDS)}`, `Inversiones Gastronómicas ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.'],
    areas: ['CAJA', 'COCINA', 'BARRA', 'ADM'],
    systems: ['sistema POS', 'ticketera de comandas', 'facturador electrónico', 'app de delivery'],
    mailboxes: ['administracion', 'reservas', 'contabilidad'],
  },
  {
    key: 'notaria', weight: 4,
    baseName: (rng) => `Notaría ${given(rng)} ${sn(rng)}`,
    legalForms: ['', 'S.A.C.'],
    areas: ['KARDEX', 'RECEP', 'CAJA', 'DIGITALIZ'],
    systems: ['sistema notarial', 'firma digital RENIEC', 'digitalización de kardex'],
    mailboxes: ['notaria', 'kardex', 'administracion'],
  },
  {
    key: 'abogados', weight: 5,
    baseName: (rng) => rng.pick([`Estudio ${sn(rng)} & ${sn(rng)} Abogados`, `${sn(rng)}, ${sn(rng)} & Asociados Abogados`]),
    legalForms: ['S.C.R.L.', 'S.C.R.L.', 'S.A.C.'],
    areas: ['SOCIOS', 'SECRET', 'ARCHIVO', 'ADM'],
    systems: ['sistema de expedientes', 'casilla electrónica del Poder Judicial', 'Microsoft 365'],
    mailboxes: ['estudio', 'secretaria', 'administracion'],
  },
  {
    key: 'inmobiliaria', weight: 4,
    baseName: (rng) => rng.pick([`Inmobiliaria ${rng.pick(NICE_WORDS)}`, `Constructora e Inmobiliaria ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'S.A.'],
    areas: ['VENTAS', 'PROYECTOS', 'CONTA', 'GER'],
    systems: ['AutoCAD', 'CRM de ventas', 'S10 Presupuestos'],
    mailboxes: ['ventas', 'proyectos', 'administracion'],
  },
  {
    key: 'importadora', weight: 6,
    baseName: (rng) => rng.pick([`Importaciones ${sn(rng)}`, `Corporación ${rng.pick(NICE_WORDS)}`, `Comercializadora ${sn(rng)} del Perú`, `Negociaciones ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'S.A.', 'E.I.R.L.'],
    areas: ['COMEX', 'ALMACEN', 'VENTAS', 'CONTA', 'GER'],
    systems: ['ERP SAP Business One', 'sistema de ventas', 'facturador electrónico'],
    mailboxes: ['ventas', 'comex', 'contabilidad', 'gerencia'],
  },
  {
    key: 'textil', weight: 4,
    baseName: (rng) => rng.pick([`Confecciones ${sn(rng)}`, `Textil ${rng.pick(NICE_WORDS)}`, `Industrias Textiles ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.'],
    areas: ['PRODUCCION', 'DISENO', 'VENTAS', 'CAJA'],
    systems: ['sistema de producción', 'facturador electrónico', 'CorelDRAW'],
    mailboxes: ['ventas', 'produccion', 'administracion'],
  },
  {
    key: 'botica', weight: 4,
    baseName: (rng) => rng.pick([`Botica ${rng.pick(SAINTS)}`, `Farmacia ${rng.pick(NICE_WORDS)}`, `Boticas ${sn(rng)}`]),
    legalForms: ['E.I.R.L.', 'S.A.C.'],
    areas: ['CAJA', 'ALMACEN', 'ADM'],
    systems: ['sistema de ventas', 'facturador electrónico', 'control de lotes y vencimientos'],
    mailboxes: ['ventas', 'administracion'],
  },
  {
    key: 'hotel', weight: 3,
    baseName: (rng) => rng.pick([`Hotel ${rng.pick(NICE_WORDS)}`, `Hostal ${rng.pick(SAINTS)}`, `Apart Hotel ${rng.pick(NICE_WORDS)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.'],
    areas: ['RECEP', 'RESERVAS', 'ADM'],
    systems: ['sistema hotelero', 'motor de reservas', 'red Wi-Fi de huéspedes'],
    mailboxes: ['reservas', 'recepcion', 'administracion'],
  },
  {
    key: 'agencia-aduanas', weight: 3,
    baseName: (rng) => rng.pick([`Agencia de Aduanas ${sn(rng)}`, `Operador Logístico ${rng.pick(NICE_WORDS)}`]),
    legalForms: ['S.A.C.', 'S.A.'],
    areas: ['OPERACIONES', 'DOCUMENTAC', 'CONTA', 'GER'],
    systems: ['SIGAD de SUNAT', 'sistema de despachos', 'Microsoft 365'],
    mailboxes: ['operaciones', 'documentacion', 'gerencia'],
  },
  {
    key: 'veterinaria', weight: 2,
    baseName: (rng) => rng.pick([`Clínica Veterinaria ${rng.pick(NICE_WORDS)}`, `Veterinaria ${sn(rng)}`]),
    legalForms: ['E.I.R.L.', 'S.A.C.'],
    areas: ['RECEP', 'CONSULT', 'CAJA'],
    systems: ['sistema de historias clínicas veterinarias', 'facturador electrónico'],
    mailboxes: ['citas', 'administracion'],
  },
  {
    key: 'academia', weight: 3,
    baseName: (rng) => rng.pick([`Academia Preuniversitaria ${rng.pick(COLEGIO_NAMES)}`, `Instituto de Idiomas ${rng.pick(NICE_WORDS)}`, `Centro de Capacitación ${sn(rng)}`]),
    legalForms: ['S.A.C.', 'E.I.R.L.'],
    areas: ['SECRET', 'LABCOMP', 'TESORERIA'],
    systems: ['aula virtual Moodle', 'sistema de matrículas', 'Zoom'],
    mailboxes: ['informes', 'secretaria', 'tesoreria'],
  },
  {
    key: 'panaderia', weight: 3,
    baseName: (rng) => rng.pick([`Panadería y Pastelería ${rng.pick(NICE_WORDS)}`, `Panificadora ${sn(rng)}`]),
    legalForms: ['E.I.R.L.', 'S.A.C.'],
    areas: ['CAJA', 'PRODUCCION', 'ADM'],
    systems: ['sistema POS', 'facturador electrónico', 'balanzas etiquetadoras'],
    mailboxes: ['ventas', 'administracion'],
  },
];
