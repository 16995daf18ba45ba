/** Without SMTP, the one-time link an admin passes on by hand (shown once). */
export interface LinkResult {
  link: string;
}
