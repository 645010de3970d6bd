import { messages } from './catalog';

export const registryMessages = messages({}, {});
