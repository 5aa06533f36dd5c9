/**
 * How people in Lima actually name the districts of the service area, beyond
 * the official INEI names (which the lookup matches on its own). Keys are
 * written the way people write them; the lookup compares them through
 * `placeKey`, so accents, case and punctuation do not matter here.
 *
 * Only names that point to one district without doubt belong here. Names
 * that are ambiguous in Lima ("San Martín": SMP or the San Martín region?
 * "Santa María": Santa María del Mar or Huaura's Santa María?) stay out on
 * purpose, so the user is asked for the full name instead of being sent to
 * the wrong district.
 */
export const DISTRICT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  // Callao
  '070101': ['Cercado del Callao', 'Callao Cercado', 'El Callao', 'Chucuito', 'Aeropuerto Jorge Chávez'],
  '070103': ['Carmen de la Legua', 'La Legua'],
  // Lima Centro
  '150101': ['Cercado de Lima', 'Cercado', 'Lima Cercado', 'Centro de Lima', 'Centro Histórico de Lima', 'Barrios Altos', 'Mesa Redonda'],
  '150115': ['Gamarra'],
  '150120': ['Magdalena', 'Magdalena Nueva'],
  '150121': ['Magdalena Vieja'],
  '150128': ['El Rímac'],
  '150130': ['San Francisco de Borja'],
  '150140': ['Surco', 'Stgo de Surco', 'Higuereta', 'Jockey Plaza'],
  // Lima Norte
  '150110': ['Collique'],
  '150135': ['SMP', 'San Martín de Porras'],
  // Lima Este
  '150103': ['Ate Vitarte', 'Vitarte', 'Huaycán', 'Santa Clara', 'Salamanca', 'Mayorazgo'],
  '150111': ['Agustino'],
  '150118': ['Chosica', 'Lurigancho-Chosica', 'Huachipa', 'Cajamarquilla', 'Carapongo', 'Ñaña'],
  '150132': ['SJL', 'Canto Grande', 'Zárate'],
  // Lima Sur
  '150133': ['SJM', 'Ciudad de Dios', 'Pamplona Alta'],
  '150142': ['VES', 'Villa Salvador'],
  '150143': ['VMT', 'Villa María', 'Tablada de Lurín'],
};
