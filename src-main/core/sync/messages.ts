/** What the sync status tells people (es-PE). Codes stay in English for logs and tests. */
export const syncMessages = {
  noSession: 'Inicie sesión para sincronizar con el servidor.',
  sessionExpired: 'Su sesión expiró o ya no es válida. Inicie sesión de nuevo; sus cambios pendientes se conservan en este equipo.',
  offline: 'Sin conexión con el servidor. Sus cambios se guardan en este equipo y se enviarán al reconectar.',
  serverError: (status: number): string => `El servidor respondió con un error (HTTP ${status}). Se volverá a intentar en unos segundos.`,
  pushStalled: 'El servidor no aceptó los cambios enviados. Siguen en cola y se volverán a enviar.',
  invalidCredentials: 'Correo o contraseña incorrectos.',
  loginOffline: 'No se pudo conectar con el servidor para iniciar sesión. Revise la conexión e inténtelo de nuevo.',
  loginFailed: (message: string): string => `No se pudo iniciar sesión: ${message}`,
  loginMalformed: 'El servidor respondió al inicio de sesión con datos no válidos.',
} as const;
