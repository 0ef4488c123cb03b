/** A plain-text email, as queued by the API and sent by the worker. */
export interface MailSendPayload {
  to: string;
  subject: string;
  text: string;
}
