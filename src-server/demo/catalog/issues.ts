/**
 * The kinds of cases a Lima IT-support desk sees, written the way customers
 * and technicians write them. A good ticket (DESIGN.md §1) records the exact
 * error message, the affected equipment/account/site and how often it
 * happens, so most templates carry all three.
 *
 * Placeholders filled per ticket: {area} office area, {equipment} asset code,
 * {system} the customer's business software, {user} the requester's name,
 * {account} a mailbox or login, {n} a small count.
 */
import type { Frequency, TicketType, Urgency } from '../../../src-shared/protocol/entities.ts';

export type EquipmentKind = 'pc' | 'laptop' | 'printer' | 'server' | 'network' | 'phone' | 'dvr' | 'pos' | 'none';

/**
 * How the work unfolds: `quick` is solved by a reply and a short remote log;
 * `remote` needs booked remote sessions; `onsite` ends with a technician at
 * the customer; `project` is a planned job split over several visits.
 */
export type WorkPath = 'quick' | 'remote' | 'onsite' | 'project';
export const WORK_PATHS: readonly WorkPath[] = ['quick', 'remote', 'onsite', 'project'];

export interface IssueTemplate {
  readonly key: string;
  readonly type: TicketType;
  readonly weight: number;
  /** Sector keys this happens in; absent = everywhere. */
  readonly sectors?: readonly string[];
  readonly subjects: readonly string[];
  readonly descriptions: readonly string[];
  readonly errorMessages: readonly string[];
  readonly equipment: EquipmentKind;
  readonly withAccount?: boolean;
  /** Weights for always, sometimes, once. */
  readonly frequency: readonly [number, number, number] | null;
  /** Weights for low, medium, high, critical. */
  readonly urgency: readonly [number, number, number, number];
  /** Weights for quick, remote, onsite, project. */
  readonly paths: readonly [number, number, number, number];
  /** What the technician found and did; used for the resolution note and reply. */
  readonly resolutions: readonly string[];
}

export const FREQUENCY_ORDER: readonly Frequency[] = ['always', 'sometimes', 'once'];
export const URGENCY_ORDER: readonly Urgency[] = ['low', 'medium', 'high', 'critical'];

export const ISSUE_TEMPLATES: readonly IssueTemplate[] = [
  {
    key: 'shared-folder-denied', type: 'incidencia', weight: 9,
    subjects: ['No se puede abrir la carpeta compartida de {area}', 'Acceso denegado a carpeta en el servidor', 'Usuario de {area} sin acceso a la unidad de red'],
    descriptions: [
      'Desde esta mañana {user} no puede abrir la carpeta \\\\SRV01\\{area} desde {equipment}. Al hacer doble clic aparece el mensaje de error que copio abajo. Ya reiniciamos la PC y sigue igual; otros compañeros sí entran.',
      'Al intentar guardar un archivo en la unidad Z: sale acceso denegado. Antes funcionaba normal. Afecta solo a la PC {equipment}.',
    ],
    errorMessages: ['Error 0x80070005: Acceso denegado', 'No tiene permiso para obtener acceso a \\\\SRV01\\{area}. Póngase en contacto con el administrador de red para solicitar acceso.', 'Windows no puede tener acceso a \\\\SRV01\\{area}. Código de error 0x80004005. Error no especificado.'],
    equipment: 'pc', withAccount: true, frequency: [8, 2, 0], urgency: [1, 5, 3, 0], paths: [5, 4, 1, 0],
    resolutions: ['El usuario no pertenecía al grupo de seguridad de {area}; se agregó al grupo y se volvió a mapear la unidad Z:.', 'Las credenciales guardadas en el Administrador de credenciales estaban vencidas; se eliminaron y se volvió a autenticar contra SRV01.'],
  },
  {
    key: 'network-printer', type: 'incidencia', weight: 10,
    subjects: ['No imprime en la impresora de {area}', 'Impresora de red aparece sin conexión', 'Documentos se quedan en cola de impresión'],
    descriptions: [
      'La impresora de {area} no imprime desde {equipment}. Los documentos se quedan en cola con estado "Error". Ya apagamos y prendimos la impresora.',
      'Desde ayer nadie de {area} puede imprimir. En la pantalla de la impresora no aparece ningún error, pero en la PC sale el mensaje de abajo.',
    ],
    errorMessages: ['No se puede conectar a la impresora \\\\SRV01\\HP-M404', 'Windows no puede conectarse a la impresora. La operación no se pudo completar (error 0x0000011b).', 'Error: impresora sin conexión (IMP-{area}-01)'],
    equipment: 'printer', frequency: [7, 3, 0], urgency: [1, 5, 3, 0], paths: [3, 4, 3, 0],
    resolutions: ['La impresora había tomado otra IP por DHCP; se fijó una reserva en el router y se reconfiguró el puerto TCP/IP en las PCs.', 'El servicio Cola de impresión estaba detenido en SRV01; se reinició, se limpió la cola y se actualizó el controlador.', 'Rodillo de arrastre gastado; se reemplazó en sitio y se imprimió página de prueba.'],
  },
  {
    key: 'outlook-wont-start', type: 'incidencia', weight: 8,
    subjects: ['Outlook no abre', 'No puedo abrir el correo en Outlook', 'Outlook se queda en "Cargando perfil"'],
    descriptions: [
      'Al abrir Outlook en {equipment} aparece el mensaje de abajo y se cierra. Necesito revisar el correo urgente porque tengo pendientes con clientes.',
      'Desde la actualización de anoche Outlook no inicia. Probé reiniciar la laptop. El correo sí abre desde el navegador.',
    ],
    errorMessages: ['Outlook: no se puede iniciar Microsoft Outlook. No se puede abrir la ventana de Outlook. No se puede abrir el conjunto de carpetas.', 'No se puede iniciar Microsoft Outlook. No se puede abrir el archivo de datos de Outlook (.ost).', 'El archivo C:\\Users\\{account}\\AppData\\Local\\Microsoft\\Outlook\\{account}.ost no es un archivo de datos de Outlook (.pst).'],
    equipment: 'laptop', withAccount: true, frequency: [9, 1, 0], urgency: [0, 4, 5, 1], paths: [4, 6, 0, 0],
    resolutions: ['Archivo OST dañado; se renombró, se creó un perfil nuevo y Outlook volvió a sincronizar el buzón.', 'Complemento de terceros bloqueaba el inicio; se deshabilitó y se reparó Office desde Panel de control.'],
  },
  {
    key: 'no-internet', type: 'incidencia', weight: 6,
    subjects: ['Sin internet en toda la oficina', 'Caída de internet en {area}', 'Internet lento y se corta'],
    descriptions: [
      'Desde las {hour} no hay internet en ninguna PC. El router del proveedor tiene la luz LOS en rojo. Ya llamamos al proveedor y dicen que por su lado está bien.',
      'El internet se corta cada cierto tiempo, sobre todo en las tardes. Afecta a todas las áreas y no podemos emitir comprobantes.',
    ],
    errorMessages: ['DNS_PROBE_FINISHED_NO_INTERNET', 'ERR_INTERNET_DISCONNECTED', 'Sin Internet, protegido'],
    equipment: 'network', frequency: [6, 4, 0], urgency: [0, 1, 4, 5], paths: [2, 3, 5, 0],
    resolutions: ['El switch del rack estaba en bucle por un cable conectado en dos bocas; se retiró el cable y se activó STP.', 'El router del proveedor reinició su configuración; se coordinó con el proveedor y se restauró el PPPoE.', 'Fuente del switch principal dañada; se reemplazó el switch por uno de respaldo.'],
  },
  {
    key: 'pc-no-power', type: 'incidencia', weight: 6,
    subjects: ['La PC no enciende', 'Computadora de {area} no da video', 'PC se apaga sola'],
    descriptions: [
      'La PC {equipment} no prende. Se escucha el ventilador pero la pantalla queda en negro y suena 3 pitidos.',
      'La computadora de {area} se apaga sola cada cierto rato, sin mensaje. Huele un poco a quemado cerca del CPU.',
    ],
    errorMessages: [],
    equipment: 'pc', frequency: [7, 3, 0], urgency: [0, 3, 5, 1], paths: [0, 1, 9, 0],
    resolutions: ['Memoria RAM con contactos sulfatados; se limpió, se reasentó y la PC arrancó normal.', 'Fuente de poder dañada; se reemplazó por una de 500 W y se verificó el equipo por una hora.', 'Ventilador del procesador trabado por polvo; se hizo limpieza interna y cambio de pasta térmica.'],
  },
  {
    key: 'bsod', type: 'incidencia', weight: 4,
    subjects: ['Pantalla azul al iniciar Windows', 'La laptop se reinicia con pantalla azul'],
    descriptions: ['La laptop {equipment} muestra una pantalla azul y se reinicia. Pasa al conectar el proyector de la sala.', 'Desde ayer la PC muestra pantalla azul al iniciar y entra en reparación automática.'],
    errorMessages: ['SYSTEM_THREAD_EXCEPTION_NOT_HANDLED (igdkmd64.sys)', 'CRITICAL_PROCESS_DIED', 'DRIVER_IRQL_NOT_LESS_OR_EQUAL (Netwtw10.sys)', 'INACCESSIBLE_BOOT_DEVICE'],
    equipment: 'laptop', frequency: [4, 5, 1], urgency: [0, 3, 5, 2], paths: [0, 5, 5, 0],
    resolutions: ['Controlador de video desactualizado; se instaló la versión del fabricante y se bloqueó la actualización automática.', 'Disco con sectores dañados; se clonó a un SSD nuevo y se reinstaló el cargador de arranque.'],
  },
  {
    key: 'accounting-db', type: 'incidencia', weight: 5,
    sectors: ['estudio-contable', 'importadora', 'ferreteria', 'transportes', 'agencia-aduanas'],
    subjects: ['{system} no conecta con la base de datos', 'Error al ingresar a {system}'],
    descriptions: ['Al abrir {system} en {equipment} sale el error de abajo. Estamos en cierre de mes y necesitamos registrar compras hoy.', 'Ningún usuario de {area} puede entrar a {system} desde esta mañana.'],
    errorMessages: ["SQL Server: Error 18456. Error de inicio de sesión del usuario 'conta'.", 'No se puede establecer conexión con el servidor SRV01\\SQLEXPRESS. Error de red 26.', '[DBNETLIB][ConnectionOpen (Connect()).]SQL Server no existe o se ha denegado el acceso.'],
    equipment: 'pc', withAccount: true, frequency: [9, 1, 0], urgency: [0, 2, 5, 3], paths: [3, 6, 1, 0],
    resolutions: ['El servicio SQL Server (SQLEXPRESS) no arrancó tras el reinicio del servidor; se configuró en inicio automático retrasado.', 'La contraseña del usuario de SQL había vencido por política; se desactivó la expiración para la cuenta de servicio.'],
  },
  {
    key: 'vpn', type: 'incidencia', weight: 4,
    subjects: ['VPN no conecta desde casa', 'No puedo conectarme a la VPN'],
    descriptions: ['Estoy trabajando remoto y la VPN no conecta. Mi internet en casa funciona bien.', 'Al conectar la VPN desde la laptop {equipment} sale el error de abajo.'],
    errorMessages: ['FortiClient: Credential or SSLVPN configuration is wrong (-7200)', 'Error 809: No se pudo establecer la conexión de red entre el equipo y el servidor VPN.', 'Error 691: se denegó el acceso porque el nombre de usuario o la contraseña no son válidos en el dominio.'],
    equipment: 'laptop', withAccount: true, frequency: [8, 2, 0], urgency: [0, 4, 5, 1], paths: [5, 5, 0, 0],
    resolutions: ['La cuenta estaba bloqueada en el firewall por intentos fallidos; se desbloqueó y se renovó la contraseña.', 'El router de la casa del usuario bloqueaba el puerto; se cambió el perfil a SSL VPN por el puerto 443.'],
  },
  {
    key: 'email-bounce', type: 'incidencia', weight: 5,
    subjects: ['Correos rebotados al enviar a clientes', 'No llegan mis correos a clientes'],
    descriptions: ['Los correos que enviamos desde {account} regresan con el mensaje de abajo. Pasa con varios clientes.', 'Un cliente nos dice que nuestros correos le llegan a spam y otros rebotan.'],
    errorMessages: ['550 5.7.1 Mensaje rechazado como spam por política de contenido', '554 5.7.1 <{account}>: Relay access denied', '550 5.7.26 This message does not have authentication information or fails to pass authentication checks (SPF)'],
    equipment: 'none', withAccount: true, frequency: [6, 4, 0], urgency: [0, 4, 5, 1], paths: [6, 4, 0, 0],
    resolutions: ['El registro SPF del dominio no incluía al servidor de envío; se corrigió el DNS y se activó DKIM.', 'La IP del servidor de correo estaba en lista negra; se solicitó la baja y se cambió el envío a Microsoft 365.'],
  },
  {
    key: 'm365-locked', type: 'incidencia', weight: 5,
    subjects: ['Cuenta de Microsoft 365 bloqueada', 'No puedo iniciar sesión en el correo'],
    descriptions: ['{user} no puede entrar a su correo, dice que la cuenta está bloqueada. Necesita acceso hoy.', 'Al iniciar sesión en Teams y Outlook sale el mensaje de abajo.'],
    errorMessages: ['AADSTS50053: La cuenta está bloqueada porque el usuario intentó iniciar sesión demasiadas veces con un identificador o contraseña incorrectos.', 'AADSTS50076: Debido a un cambio de configuración realizado por el administrador, debe usar la autenticación multifactor.', 'Tu cuenta se ha bloqueado. Ponte en contacto con el personal de soporte técnico para desbloquearla.'],
    equipment: 'none', withAccount: true, frequency: [9, 1, 0], urgency: [0, 4, 5, 1], paths: [9, 1, 0, 0],
    resolutions: ['Se desbloqueó la cuenta en el centro de administración, se restableció la contraseña y se registró el segundo factor en el celular del usuario.'],
  },
  {
    key: 'excel-crash', type: 'incidencia', weight: 4,
    subjects: ['Excel se cierra al abrir un archivo', 'Excel no responde con archivos del servidor'],
    descriptions: ['Excel se cierra solo al abrir el archivo de {area} que está en la carpeta compartida. Otros archivos abren bien.', 'Excel se congela cada vez que filtro la hoja del reporte mensual.'],
    errorMessages: ['Microsoft Excel dejó de funcionar. Un problema hizo que el programa dejara de funcionar correctamente.', 'Excel no puede abrir el archivo porque el formato o la extensión no son válidos.'],
    equipment: 'pc', frequency: [5, 5, 0], urgency: [2, 6, 2, 0], paths: [5, 5, 0, 0],
    resolutions: ['Archivo con miles de estilos de formato acumulados; se limpió con la herramienta de Office y volvió a abrir rápido.', 'Se reparó Office y se actualizó a la última compilación del canal mensual.'],
  },
  {
    key: 'slow-pc', type: 'incidencia', weight: 5,
    subjects: ['La PC está muy lenta', 'Computadora demora mucho en iniciar'],
    descriptions: ['La PC {equipment} demora más de 10 minutos en iniciar y los programas se cuelgan. Es la que usamos para {system}.', 'La laptop está muy lenta desde hace una semana, el ventilador suena fuerte todo el tiempo.'],
    errorMessages: [],
    equipment: 'pc', frequency: [9, 1, 0], urgency: [4, 5, 1, 0], paths: [2, 5, 3, 0],
    resolutions: ['Disco mecánico al 100 % de uso; se reemplazó por SSD y se migró el sistema.', 'Se eliminaron programas de inicio innecesarios y un adware; el equipo inicia en menos de un minuto.'],
  },
  {
    key: 'ransomware', type: 'incidencia', weight: 1,
    subjects: ['Archivos cifrados con extensión extraña', 'Posible virus: no se abren los archivos del servidor'],
    descriptions: ['Los archivos de la carpeta compartida de {area} aparecen con extensión .lockbit y hay un archivo de texto pidiendo rescate. Apagamos la PC {equipment}.', 'Varias PCs muestran archivos renombrados y el antivirus dio alerta.'],
    errorMessages: ['Restore-My-Files.txt', 'Windows Defender: Ransom:Win32/LockBit.AA!MTB detectado'],
    equipment: 'server', frequency: [0, 0, 1], urgency: [0, 0, 0, 1], paths: [0, 0, 3, 7],
    resolutions: ['Se aisló la PC de origen, se restauró la carpeta desde la copia de seguridad de la noche anterior y se cambiaron las contraseñas de dominio.'],
  },
  {
    key: 'ip-phone', type: 'incidencia', weight: 3,
    subjects: ['Anexo sin tono', 'Teléfono IP no registra'],
    descriptions: ['El anexo {equipment} no tiene tono desde esta mañana. Es el teléfono de {area}.', 'El teléfono IP muestra "No registrado" y no recibe llamadas.'],
    errorMessages: ['Registro SIP fallido: 403 Forbidden', 'No registrado'],
    equipment: 'phone', frequency: [9, 1, 0], urgency: [1, 5, 4, 0], paths: [5, 3, 2, 0],
    resolutions: ['La central cambió la contraseña SIP del anexo; se actualizó en el teléfono.', 'Puerto PoE del switch dañado; se movió el teléfono a otra boca.'],
  },
  {
    key: 'scanner-smtp', type: 'incidencia', weight: 3,
    subjects: ['El escáner no envía a correo', 'Multifuncional no escanea a correo'],
    descriptions: ['La multifuncional de {area} ya no envía los escaneos al correo. Muestra el error de abajo en la pantalla.'],
    errorMessages: ['Error de envío SMTP: 535 5.7.3 Authentication unsuccessful', 'Error de conexión con el servidor SMTP (smtp.office365.com:587)'],
    equipment: 'printer', frequency: [9, 1, 0], urgency: [2, 6, 2, 0], paths: [4, 4, 2, 0],
    resolutions: ['Microsoft 365 desactivó la autenticación básica; se configuró el escaneo con una cuenta con SMTP AUTH habilitado.'],
  },
  {
    key: 'cctv', type: 'incidencia', weight: 2,
    subjects: ['Cámaras sin imagen en el DVR', 'No se ven las cámaras desde el celular'],
    descriptions: ['En el DVR la cámara 3 ({area}) sale sin señal desde ayer.', 'La aplicación del celular ya no muestra las cámaras del local.'],
    errorMessages: ['Sin señal de video (CH3)', 'Dispositivo fuera de línea'],
    equipment: 'dvr', frequency: [8, 2, 0], urgency: [2, 5, 3, 0], paths: [1, 3, 6, 0],
    resolutions: ['Conector BNC sulfatado en la cámara 3; se reemplazó y la imagen volvió.', 'El router cambió de IP pública; se configuró DDNS en el DVR.'],
  },
  {
    key: 'wifi-drops', type: 'incidencia', weight: 4,
    subjects: ['El Wi-Fi se desconecta en la sala de reuniones', 'Wi-Fi de invitados no funciona'],
    descriptions: ['En la sala de reuniones el Wi-Fi se corta a cada rato, sobre todo cuando hay más de 10 personas.', 'Los clientes dicen que el Wi-Fi de invitados conecta pero no navega.'],
    errorMessages: ['Sin Internet, protegido', 'No se puede conectar a esta red'],
    equipment: 'network', frequency: [2, 8, 0], urgency: [3, 5, 2, 0], paths: [2, 3, 5, 0],
    resolutions: ['Se reubicó el punto de acceso y se cambió el canal de 5 GHz para evitar interferencia con el edificio vecino.', 'El servidor DHCP de invitados estaba sin direcciones libres; se amplió el rango y se redujo el tiempo de concesión.'],
  },
  {
    key: 'onedrive', type: 'incidencia', weight: 3,
    subjects: ['OneDrive no sincroniza', 'Archivos de SharePoint con conflicto'],
    descriptions: ['OneDrive muestra una X roja y no sube los archivos de {area}.', 'Aparecen copias duplicadas de los archivos con el nombre de la PC.'],
    errorMessages: ['Código de error 0x8004de40 de OneDrive', 'No se puede sincronizar: la ruta de acceso es demasiado larga.'],
    equipment: 'laptop', withAccount: true, frequency: [8, 2, 0], urgency: [3, 5, 2, 0], paths: [6, 4, 0, 0],
    resolutions: ['Se restableció el cliente de OneDrive y se acortaron rutas de más de 400 caracteres.'],
  },
  {
    key: 'windows-update', type: 'incidencia', weight: 3,
    subjects: ['Windows Update falla', 'La PC se queda en "Deshaciendo cambios"'],
    descriptions: ['La PC {equipment} intenta actualizar todas las noches y falla con el error de abajo.'],
    errorMessages: ['Error 0x800f0922', 'Error 0x80070643', 'No pudimos completar las actualizaciones. Deshaciendo cambios.'],
    equipment: 'pc', frequency: [9, 1, 0], urgency: [5, 4, 1, 0], paths: [3, 7, 0, 0],
    resolutions: ['La partición de recuperación era muy pequeña; se amplió y la actualización instaló correctamente.'],
  },
  {
    key: 'pos-printer', type: 'incidencia', weight: 4,
    sectors: ['restaurante', 'panaderia', 'botica', 'ferreteria'],
    subjects: ['La ticketera no imprime comandas', 'Caja no imprime boletas'],
    descriptions: ['La ticketera de {area} no imprime las comandas desde el {system}. Estamos en hora punta.', 'La caja {equipment} no imprime boletas ni tickets.'],
    errorMessages: ['Epson TM-T20III: error de comunicación con la impresora', 'Impresora POS sin papel o tapa abierta', 'No se pudo imprimir el comprobante B001-{n}'],
    equipment: 'pos', frequency: [8, 2, 0], urgency: [0, 2, 5, 3], paths: [3, 4, 3, 0],
    resolutions: ['Cable USB de la ticketera dañado; se reemplazó y se reinstaló el controlador.', 'El sistema POS apuntaba al nombre antiguo de la impresora; se corrigió la configuración.'],
  },
  {
    key: 'backup-failed', type: 'incidencia', weight: 3,
    subjects: ['Falló la copia de seguridad nocturna', 'Alerta de backup con errores'],
    descriptions: ['Nos llegó el correo automático de que el backup de anoche terminó con errores.', 'El respaldo del servidor no se ejecuta desde hace 3 días.'],
    errorMessages: ['El trabajo de copia de seguridad finalizó con errores: 0x81000019', 'Veeam: Failed to create VSS snapshot', 'El disco de destino no tiene suficiente espacio libre.'],
    equipment: 'server', frequency: [6, 4, 0], urgency: [1, 4, 4, 1], paths: [3, 6, 1, 0],
    resolutions: ['El disco externo de respaldo estaba lleno; se configuró la retención a 14 días y se relanzó el trabajo.', 'El proveedor VSS de un antivirus fallaba; se actualizó el antivirus y el snapshot volvió a crearse.'],
  },
  {
    key: 'clinical-system', type: 'incidencia', weight: 4,
    sectors: ['clinica', 'veterinaria'],
    subjects: ['Sin acceso al {system}', '{system} muestra error al guardar'],
    descriptions: ['En {area} no podemos abrir el {system}, tenemos pacientes esperando.', 'Al guardar la atención en el {system} sale un error y no registra.'],
    errorMessages: ['HTTP 502 Bad Gateway', 'Error al guardar: tiempo de espera agotado (timeout)', 'ERR_CONNECTION_REFUSED'],
    equipment: 'pc', frequency: [7, 3, 0], urgency: [0, 1, 4, 5], paths: [4, 5, 1, 0],
    resolutions: ['El servidor de aplicaciones se quedó sin memoria; se reinició el servicio y se programó reinicio semanal.', 'El certificado SSL interno venció; se renovó y se instaló en las estaciones.'],
  },
  {
    key: 'disk-full', type: 'incidencia', weight: 2,
    subjects: ['Servidor sin espacio en disco', 'Alerta: disco C: casi lleno'],
    descriptions: ['El servidor SRV01 muestra alerta de espacio y {system} va lento.'],
    errorMessages: ['Espacio insuficiente en disco C: (queda 1,2 GB)', 'Evento 2013: el disco C: está al límite de su capacidad'],
    equipment: 'server', frequency: [9, 1, 0], urgency: [1, 4, 4, 1], paths: [3, 7, 0, 0],
    resolutions: ['Logs de SQL Server de 80 GB; se cambió el modelo de recuperación a simple y se redujeron.'],
  },
  // ---- Requerimientos ---------------------------------------------------------
  {
    key: 'preventive-maintenance', type: 'requerimiento', weight: 6,
    subjects: ['Mantenimiento preventivo trimestral de equipos', 'Mantenimiento preventivo de PCs e impresoras', 'Programar mantenimiento preventivo de {n} equipos'],
    descriptions: ['Solicitamos programar el mantenimiento preventivo trimestral de los {n} equipos de la oficina, de preferencia en la mañana.', 'Corresponde el mantenimiento preventivo según el plan. Coordinar con {user} para el ingreso.'],
    errorMessages: [],
    equipment: 'none', frequency: null, urgency: [6, 4, 0, 0], paths: [0, 0, 3, 7],
    resolutions: ['Se realizó limpieza interna, actualización de Windows y antivirus, y revisión de discos en todos los equipos; se adjunta el informe por equipo.'],
  },
  {
    key: 'new-user', type: 'requerimiento', weight: 8,
    subjects: ['Alta de usuario nuevo: correo y accesos', 'Crear cuenta para colaborador nuevo de {area}', 'Nuevo ingreso en {area}'],
    descriptions: ['El lunes ingresa un colaborador nuevo a {area}. Necesita correo, acceso a {system} y a la carpeta compartida.', 'Por favor crear el usuario para la nueva practicante de {area} con los mismos accesos que {user}.'],
    errorMessages: [],
    equipment: 'none', withAccount: true, frequency: null, urgency: [4, 5, 1, 0], paths: [6, 4, 0, 0],
    resolutions: ['Se creó la cuenta en Microsoft 365 con licencia Business Standard, se dio acceso a {system} y a la carpeta de {area}; credenciales enviadas por canal seguro.'],
  },
  {
    key: 'offboarding', type: 'requerimiento', weight: 4,
    subjects: ['Baja de usuario que cesó', 'Desactivar accesos de excolaborador'],
    descriptions: ['{user} nos informa que el colaborador de {area} cesó hoy. Desactivar accesos y redirigir su correo a jefatura.'],
    errorMessages: [],
    equipment: 'none', withAccount: true, frequency: null, urgency: [1, 5, 4, 0], paths: [9, 1, 0, 0],
    resolutions: ['Cuenta bloqueada, buzón convertido en compartido y delegado a jefatura, accesos a {system} revocados.'],
  },
  {
    key: 'install-software', type: 'requerimiento', weight: 6,
    subjects: ['Instalar {system} en una PC nueva', 'Instalación de software en {equipment}'],
    descriptions: ['Necesitamos instalar {system} en la PC {equipment} y dejarlo conectado a la base de datos del servidor.', 'Instalar Office, antivirus y {system} en el equipo nuevo de {area}.'],
    errorMessages: [],
    equipment: 'pc', frequency: null, urgency: [4, 5, 1, 0], paths: [1, 7, 2, 0],
    resolutions: ['Se instaló {system} con la licencia del cliente, se configuró la conexión al servidor y se validó con el usuario.'],
  },
  {
    key: 'new-laptop', type: 'requerimiento', weight: 4,
    subjects: ['Configurar laptop nueva para gerencia', 'Preparar laptop nueva para {area}'],
    descriptions: ['Llegó la laptop nueva para {user}. Migrar su información, correo y programas desde {equipment}.'],
    errorMessages: [],
    equipment: 'laptop', frequency: null, urgency: [3, 6, 1, 0], paths: [0, 3, 7, 0],
    resolutions: ['Se unió la laptop al dominio, se migraron documentos y perfil de Outlook, y se entregó al usuario con el acta firmada.'],
  },
  {
    key: 'new-printer', type: 'requerimiento', weight: 3,
    subjects: ['Instalar impresora nueva en {area}', 'Agregar impresora de red a todas las PCs'],
    descriptions: ['Compramos una impresora nueva para {area}. Instalarla en red y en las PCs del área.'],
    errorMessages: [],
    equipment: 'printer', frequency: null, urgency: [4, 5, 1, 0], paths: [0, 2, 8, 0],
    resolutions: ['Impresora instalada con IP fija, publicada en SRV01 y distribuida por directiva a las PCs del área.'],
  },
  {
    key: 'm365-migration', type: 'requerimiento', weight: 2,
    subjects: ['Migración de correos a Microsoft 365', 'Migrar buzones del hosting a Microsoft 365'],
    descriptions: ['Queremos pasar los {n} buzones del hosting actual a Microsoft 365 sin perder correos. Coordinar fechas.'],
    errorMessages: [],
    equipment: 'none', frequency: null, urgency: [3, 6, 1, 0], paths: [0, 1, 0, 9],
    resolutions: ['Se migraron los buzones por IMAP, se cambiaron los registros MX y se configuró Outlook en cada equipo.'],
  },
  {
    key: 'network-point', type: 'requerimiento', weight: 3,
    subjects: ['Instalar punto de red adicional', 'Cableado para nueva estación en {area}'],
    descriptions: ['Necesitamos un punto de red adicional en {area} para una nueva estación de trabajo.'],
    errorMessages: [],
    equipment: 'network', frequency: null, urgency: [5, 5, 0, 0], paths: [0, 0, 9, 1],
    resolutions: ['Se tendió cable UTP Cat 6 desde el rack, se ponchó el punto y se certificó la conexión.'],
  },
  {
    key: 'e-invoice-cert', type: 'requerimiento', weight: 3,
    subjects: ['Renovar certificado digital para facturación electrónica', 'Certificado digital por vencer'],
    descriptions: ['El certificado digital para emitir comprobantes vence este mes. Ayúdennos a renovarlo e instalarlo en el {system}.'],
    errorMessages: ['El certificado digital vence en 7 días'],
    equipment: 'pc', frequency: null, urgency: [1, 5, 4, 0], paths: [4, 6, 0, 0],
    resolutions: ['Se instaló el nuevo certificado .pfx en el facturador, se registró en SUNAT Operaciones en Línea y se emitió una boleta de prueba.'],
  },
  {
    key: 'vpn-access', type: 'requerimiento', weight: 3,
    subjects: ['Configurar acceso VPN para trabajo remoto', 'VPN para colaborador de {area}'],
    descriptions: ['{user} trabajará desde casa dos días por semana. Configurar acceso VPN a {system}.'],
    errorMessages: [],
    equipment: 'laptop', withAccount: true, frequency: null, urgency: [4, 5, 1, 0], paths: [3, 7, 0, 0],
    resolutions: ['Se creó el usuario VPN con doble factor, se instaló FortiClient y se probó el acceso a {system} desde la casa del usuario.'],
  },
  {
    key: 'inventory', type: 'requerimiento', weight: 2,
    subjects: ['Inventario de equipos para auditoría', 'Levantar inventario de hardware y licencias'],
    descriptions: ['La auditoría externa nos pide el inventario de equipos y licencias de software al cierre del mes.'],
    errorMessages: [],
    equipment: 'none', frequency: null, urgency: [4, 5, 1, 0], paths: [0, 2, 3, 5],
    resolutions: ['Se entregó el inventario de hardware y licencias en Excel, con serie, usuario y ubicación de cada equipo.'],
  },
  {
    key: 'backup-before-format', type: 'requerimiento', weight: 2,
    subjects: ['Respaldo de información antes de formatear', 'Formatear PC de {area}'],
    descriptions: ['La PC {equipment} se va a formatear. Respaldar la información de {user} antes.'],
    errorMessages: [],
    equipment: 'pc', frequency: null, urgency: [4, 6, 0, 0], paths: [0, 3, 7, 0],
    resolutions: ['Se respaldó la información en el servidor, se formateó e instalaron los programas y se restauraron los archivos del usuario.'],
  },
  {
    key: 'phone-extension', type: 'requerimiento', weight: 2,
    subjects: ['Habilitar anexo para nuevo colaborador', 'Cambiar anexo de {area}'],
    descriptions: ['Necesitamos habilitar un anexo nuevo para {area} y que suene también en el celular de {user}.'],
    errorMessages: [],
    equipment: 'phone', frequency: null, urgency: [5, 5, 0, 0], paths: [6, 3, 1, 0],
    resolutions: ['Se creó el anexo en la central, se registró el teléfono IP y se configuró el softphone en el celular.'],
  },
  {
    key: 'antivirus-rollout', type: 'requerimiento', weight: 2,
    subjects: ['Actualizar antivirus en todas las estaciones', 'Renovación de licencias de antivirus'],
    descriptions: ['Renovamos las licencias del antivirus. Instalar la nueva versión en los {n} equipos.'],
    errorMessages: [],
    equipment: 'none', frequency: null, urgency: [4, 6, 0, 0], paths: [0, 4, 0, 6],
    resolutions: ['Se desplegó el antivirus desde la consola central a todos los equipos y se verificó el estado protegido en cada uno.'],
  },
];
