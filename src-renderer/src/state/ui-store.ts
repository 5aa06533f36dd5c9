/** Which console-wide dialog is open: the shortcut list, the command palette, the new-ticket form. One at a time. */
import { create } from 'zustand';

export type ConsoleDialog = 'shortcuts' | 'palette' | 'newTicket' | null;

const useUiStore = create<{ readonly dialog: ConsoleDialog }>()(() => ({ dialog: null }));

export const useOpenDialog = (): ConsoleDialog => useUiStore((s) => s.dialog);
export const openDialog = (dialog: Exclude<ConsoleDialog, null>): void => useUiStore.setState({ dialog });
export const closeDialog = (): void => useUiStore.setState({ dialog: null });
