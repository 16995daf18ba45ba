// NIST SP 800-63B: a length floor and a block list of known passwords, no composition rules. Kept apart from the
// block list so forms can show the limits without shipping the list to the browser.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
