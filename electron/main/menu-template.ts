import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../ipc/contract.js';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Sends a menu action to the focused window's renderer. */
  send: (action: MenuAction) => void;
  isDev?: boolean;
}

/**
 * The application menu. Items that change the screen are sent to the renderer as menu actions;
 * zoom, fullscreen, edit and window items use Electron's roles so they behave natively.
 */
export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const action = (label: string, menuAction: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => context.send(menuAction),
  });
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: context.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        action('New Session…', 'session.new', 'CmdOrCtrl+N'),
        action('Open Scenario…', 'scenario.open', 'CmdOrCtrl+O'),
        action('Import Scenario or Plan…', 'library.import', 'CmdOrCtrl+I'),
        { type: 'separator' },
        action('Export Scorecard…', 'export.scorecard', 'CmdOrCtrl+E'),
        action('Export After-Action Report…', 'export.aar', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        // The renderer knows which session is on screen; it asks main for the window (openProjector).
        action('Projector Mode', 'view.projector', 'CmdOrCtrl+Shift+P'),
        {
          label: 'Theme',
          submenu: [
            { label: 'System', type: 'radio', checked: true, click: () => context.send('view.theme.system') },
            { label: 'Light', type: 'radio', click: () => context.send('view.theme.light') },
            { label: 'Dark', type: 'radio', click: () => context.send('view.theme.dark') },
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(context.isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: '&Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    {
      label: '&Help',
      role: 'help',
      submenu: [action('Firedrill Guide', 'help.guide', 'F1'), ...(mac ? [] : [action(`About ${context.appName}`, 'help.about')])],
    },
  ];
}
