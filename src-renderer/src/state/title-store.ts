/** A screen can name itself more precisely than its route (e.g. "Ticket #1042"); the top bar and the window title show it. */
import { create } from 'zustand';

const useTitleStore = create<{ readonly title: string | null }>()(() => ({ title: null }));

export const usePageTitle = (): string | null => useTitleStore((s) => s.title);
export const setPageTitle = (title: string | null): void => useTitleStore.setState({ title });
