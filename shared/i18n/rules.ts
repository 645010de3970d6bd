import { messages } from './catalog';

export const rulesMessages = messages({}, {});
