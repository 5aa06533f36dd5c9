/** The technician's saved queue views, read once from the desk and replaced by every save or delete (their answer is the new list). */
import { create } from 'zustand';
import type { SavedView } from '../../../src-shared/ipc/work-calls.ts';

const NO_VIEWS: readonly SavedView[] = [];
const useSavedViewsStore = create<{ readonly views: readonly SavedView[] }>()(() => ({ views: NO_VIEWS }));

export const useSavedViewList = (): readonly SavedView[] => useSavedViewsStore((s) => s.views);
export const setSavedViews = (views: readonly SavedView[]): void => useSavedViewsStore.setState({ views });
