/** Form controls shared by several screens: the date field and its calendar (es-PE). */
export const formsEs = {
  'date.help': 'Día, mes y año: dd/mm/aaaa.',
  'date.today': 'Hoy, {date}.',
  'date.yesterday': 'Ayer, {date}.',
  'date.other': '{date}.',
  'date.error.empty': 'Escriba la fecha como dd/mm/aaaa.',
  'date.error.format': 'No se entiende la fecha. Escríbala como dd/mm/aaaa, por ejemplo {example}.',
  'date.error.noSuchDay': 'Esa fecha no existe en el calendario. Revise el día y el mes (dd/mm/aaaa).',
  'date.error.afterToday': 'No puede ser una fecha futura: hoy es {max}.',
  'date.error.afterMax': 'La fecha no puede ser posterior al {max}.',
  'date.error.beforeMin': 'La fecha no puede ser anterior al {min}.',
  'date.pick': 'Elegir en el calendario',
  'date.picker': '{label}: elegir en el calendario',
  'date.prevMonth': 'Mes anterior',
  'date.nextMonth': 'Mes siguiente',
  // No-break spaces keep each key with what it does when the line wraps.
  'date.keys': 'Flechas:\u00a0día y semana · Re\u00a0Pág/Av\u00a0Pág:\u00a0mes · Enter:\u00a0elegir · Esc:\u00a0cerrar',
} satisfies Record<string, string | { one: string; other: string }>;
