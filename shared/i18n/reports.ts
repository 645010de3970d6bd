import { messages } from './catalog';

export const reportsMessages = messages({}, {});
