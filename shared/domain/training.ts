/**
 * The account of a training registry made from the application. Its records are made up, so its
 * password is printed in the guide and on the unlock screen; a real registry never has it.
 */
export const trainingAccount = { username: 'admin', password: 'taphuan86' } as const;
