import { create } from 'zustand';

export type View = 'home' | 'members' | 'trips' | 'reports' | 'packages' | 'settings';

interface NavigationState {
  view: View;
  go(view: View): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  view: 'home',
  go: (view) => set({ view }),
}));
