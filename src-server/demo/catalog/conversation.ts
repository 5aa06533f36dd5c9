/**
 * What people write on a ticket's timeline: the technician's replies, the
 * customer's answers, internal notes, visit bookings and cancellations.
 * Placeholders: {first} requester's first name, {equipment}, {tech},
 * {date} "12/03", {from}/{to} "09:00", {resolution}, {town}, {number}.
 */

export const GREETINGS = ['Buenos días,', 'Buenas tardes,', 'Estimados,', 'Hola,', 'Estimado equipo de soporte:'];
export const SIGN_OFFS = ['Quedo atento.', 'Gracias.', 'Saludos cordiales.', 'Agradeceré su pronta atención.', 'Muchas gracias.'];

export const CREATED_BY_CHANNEL = {
  portal: 'Ticket registrado por el cliente desde el portal.',
  email: 'Ticket creado a partir del correo de {email}.',
  phone: 'Ticket registrado por teléfono; se pidió al cliente usar el portal la próxima vez.',
} as const;

export const ACKNOWLEDGEMENTS = [
  'Hola {first}, gracias por el reporte. Ya estamos revisando el caso y le escribimos en breve.',
  'Buenos días {first}, tomamos su caso. Lo estamos revisando con prioridad.',
  'Hola {first}, recibimos su solicitud y ya la estamos atendiendo.',
];

/** What the technician still needs to know, and how customers answer, by ticket type. */
export const INFO_REQUESTS = {
  incidencia: [
    'Para avanzar necesitamos una captura de pantalla del mensaje completo y el nombre del equipo (figura en la etiqueta del CPU).',
    '¿Nos indica en qué horario podemos conectarnos remotamente a {equipment}? Necesitamos el ID de AnyDesk que aparece en la pantalla.',
    '¿El problema ocurre con otros usuarios o solo con este equipo? ¿Desde cuándo sucede?',
    '¿Nos confirma si hubo algún cambio reciente (actualización, equipo nuevo, corte de luz)?',
  ],
  requerimiento: [
    '¿Nos confirma la persona de contacto y el horario en que podemos atender, de preferencia por la mañana?',
    'Para preparar el trabajo, ¿nos envía la lista de equipos o usuarios involucrados?',
    '¿Nos confirma la aprobación de gerencia para proceder?',
  ],
} as const;

export const CUSTOMER_ANSWERS = {
  incidencia: [
    'Adjunto la captura. El equipo es {equipment}.',
    'Pueden conectarse después de las 3 p. m.; el ID de AnyDesk es {anydesk}.',
    'Solo pasa en este equipo, los demás están bien. Empezó el lunes.',
    'Ayer hubo un corte de luz en el edificio, desde entonces falla.',
    'Sí, ayer instalaron una actualización. Quedo atento.',
  ],
  requerimiento: [
    'La persona de contacto es {user}; pueden venir de 9 a. m. a 1 p. m.',
    'Adjunto la lista en Excel.',
    'Gerencia aprobó, pueden proceder.',
  ],
} as const;

export const REMINDERS = [
  'Hola {first}, le recordamos que seguimos a la espera de la información solicitada para continuar.',
];

export const NO_ANSWER_RESOLUTION = 'Al no recibir respuesta, damos el caso por resuelto. Si el problema continúa, responda este mensaje y lo retomamos.';

export const GOING_ONSITE = [
  'Como no es posible resolverlo de forma remota, programaremos una visita técnica. Despacho le confirmará fecha y hora.',
  'Se requiere revisar el equipo en sitio. En breve le confirmamos la visita.',
];

export const OUTSIDE_AREA_NOTES = [
  'Cliente fuera del área de atención en sitio ({town}); se atiende solo de forma remota o el cliente envía el equipo a nuestro taller.',
];

export const VISIT_BOOKED = {
  onsite: 'Visita en sitio agendada para el {date} de {from} a {to} con {tech}.',
  remote: 'Sesión remota agendada para el {date} de {from} a {to} con {tech}.',
} as const;

export const VISIT_CONFIRMATIONS = [
  'Confirmamos la visita técnica para el {date} de {from} a {to}. Asistirá {tech}; por favor avisar en recepción.',
  'Le confirmamos la visita del {date} entre {from} y {to}. El técnico {tech} llevará su fotocheck.',
];

export const VISIT_CANCELLED = [
  'Visita del {date} cancelada: el cliente pidió reprogramar porque el área estará en inventario.',
  'Visita del {date} cancelada: la persona de contacto no estará en la oficina.',
  'Visita del {date} cancelada: el técnico fue reasignado a una emergencia; se reprograma.',
];

export const SECOND_VISIT_NOTES = [
  'Se requiere repuesto; se cotizó y queda pendiente una segunda visita para instalarlo.',
  'No se pudo terminar en la visita: falta la autorización del administrador del cliente. Reprogramar.',
];

export const PROGRESS_NOTES = [
  'Revisé el visor de eventos: errores recurrentes del disco (evento 7). Vigilar.',
  'Se probó con otro usuario en la misma PC y funciona: es un problema del perfil.',
  'La contraseña de administrador local está en la bóveda, entrada {code}.',
  'Coordinado con el proveedor de internet, su ticket es 2025-{number}.',
  'El cliente pide que las visitas sean después de las 10 a. m.',
  'Equipo en garantía del fabricante; se consultó al proveedor.',
];

export const PLAN_NOTES = ['Cliente con {plan}: revisar consumo del mes antes de agendar más visitas.'];

export const RESOLUTION_REPLIES = [
  'Hola {first}, el caso quedó resuelto: {resolution} Por favor confírmenos si todo funciona; si no recibimos respuesta, el ticket se cerrará en 3 días hábiles.',
  '{first}, le informamos que terminamos la atención: {resolution} Cualquier novedad, responda este correo.',
];

export const CUSTOMER_CONFIRMATIONS = ['Todo funciona bien, muchas gracias.', 'Confirmado, ya quedó. Gracias por la rapidez.', 'Conforme, pueden cerrar el ticket.'];

export const AUTO_CLOSE = 'Cerrado automáticamente tras 3 días hábiles sin observaciones del cliente.';
export const CONFIRMED_CLOSE = 'Cerrado con la conformidad del cliente.';

export const CANCELLATIONS = [
  'Ticket duplicado del #{number}; se continúa en ese ticket.',
  'El cliente indica que el problema se solucionó al reiniciar el equipo.',
  'El cliente retiró la solicitud.',
];

/** Notes of time logged by hand (visits log theirs at check-out). */
export const TIME_NOTES = {
  quick: ['Atención por correo y guía al usuario', 'Desbloqueo y verificación', 'Cambio de configuración en consola'],
} as const;

const compiled = new Map<string, readonly string[]>();

/**
 * Fills `{name}` placeholders; unknown ones are left as they are so a missing
 * value is visible. Templates are split once (odd slots are names), because
 * the generator fills hundreds of thousands of them at benchmark scale.
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    out += i % 2 === 0 ? part : (values[part] ?? `{${part}}`);
  }
  return out;
}
