import { z } from 'zod';

/** Minutes without activity after which the registry locks itself. */
export const IdleMinutes = z.number().int().min(1).max(240);
export const defaultIdleMinutes = 15;
