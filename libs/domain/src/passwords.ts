/** Password rules both the server and the sign-up forms apply. */
export const minPasswordLength = 10;
export const maxPasswordLength = 200;
