/**
 * The application menu, in Spanish. Built from Electron roles so the
 * platform supplies shortcuts, native behaviour and accessibility; reload
 * and developer tools exist only in development, so a technician cannot
 * open a console on a customer-facing machine.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
}

function appMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about', label: `Acerca de ${appName}` },
      { type: 'separator' },
      { role: 'services', label: 'Servicios' },
      { type: 'separator' },
      { role: 'hide', label: `Ocultar ${appName}` },
      { role: 'hideOthers', label: 'Ocultar otros' },
      { role: 'unhide', label: 'Mostrar todo' },
      { type: 'separator' },
      { role: 'quit', label: `Salir de ${appName}`, accelerator: 'CmdOrCtrl+Q' },
    ],
  };
}

function fileMenu(isMac: boolean): MenuItemConstructorOptions {
  // On macOS quitting lives in the app menu; elsewhere Archivo is where people look for it.
  return {
    label: 'Archivo',
    submenu: isMac
      ? [{ role: 'close', label: 'Cerrar ventana' }]
      : [{ role: 'quit', label: 'Salir', accelerator: 'CmdOrCtrl+Q' }],
  };
}

function editMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Editar',
    submenu: [
      { role: 'undo', label: 'Deshacer' },
      { role: 'redo', label: 'Rehacer' },
      { type: 'separator' },
      { role: 'cut', label: 'Cortar' },
      { role: 'copy', label: 'Copiar' },
      { role: 'paste', label: 'Pegar' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle', label: 'Pegar con el mismo estilo' } as const] : []),
      { role: 'delete', label: 'Eliminar' },
      { type: 'separator' },
      { role: 'selectAll', label: 'Seleccionar todo' },
    ],
  };
}

function viewMenu(isDev: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: 'Recargar' },
        { role: 'forceReload', label: 'Forzar recarga' },
        { role: 'toggleDevTools', label: 'Herramientas de desarrollo' },
        { type: 'separator' },
      ]
    : [];
  return {
    label: 'Ver',
    submenu: [
      ...developer,
      { role: 'resetZoom', label: 'Tamaño real' },
      { role: 'zoomIn', label: 'Acercar' },
      { role: 'zoomOut', label: 'Alejar' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Pantalla completa' },
    ],
  };
}

function windowMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Ventana',
    submenu: [
      { role: 'minimize', label: 'Minimizar' },
      { role: 'zoom', label: 'Zoom' },
      ...(isMac
        ? [{ type: 'separator' } as const, { role: 'front', label: 'Traer todo al frente' } as const]
        : [{ role: 'close', label: 'Cerrar' } as const]),
    ],
  };
}

function helpMenu(appName: string, isMac: boolean): MenuItemConstructorOptions {
  // macOS shows "Acerca de" in the app menu (and adds its own search box to Ayuda); other platforms expect it here.
  return {
    role: 'help',
    label: 'Ayuda',
    submenu: isMac ? [] : [{ role: 'about', label: `Acerca de ${appName}` }],
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(options.isMac ? [appMenu(options.appName)] : []),
    fileMenu(options.isMac),
    editMenu(options.isMac),
    viewMenu(options.isDev),
    windowMenu(options.isMac),
    helpMenu(options.appName, options.isMac),
  ];
}

export function installAppMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
