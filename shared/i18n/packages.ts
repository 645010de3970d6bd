import { messages } from './catalog';

export const packagesMessages = messages({}, {});
