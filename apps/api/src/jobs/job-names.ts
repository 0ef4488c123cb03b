import type { DraftGeneratePayload } from '../drafts/draft-generate.payload.js';
import type { MailSendPayload } from '../mail/mail-send.payload.js';

/** Every queue the worker serves. */
export enum QueueName {
  Mail = 'mail',
  Maintenance = 'maintenance',
  Drafts = 'drafts',
}

/** Every job there is; each has exactly one handler, checked when the worker starts. */
export enum JobName {
  MailSend = 'mail.send',
  SessionsPurge = 'sessions.purge',
  DraftGenerate = 'draft.generate',
  DailyWordsRecord = 'dashboard.daily-words',
  ConsultationContactsErase = 'consultation.contacts-erase',
}

export const queueOfJob: Record<JobName, QueueName> = {
  [JobName.MailSend]: QueueName.Mail,
  [JobName.SessionsPurge]: QueueName.Maintenance,
  [JobName.DraftGenerate]: QueueName.Drafts,
  [JobName.DailyWordsRecord]: QueueName.Maintenance,
  [JobName.ConsultationContactsErase]: QueueName.Maintenance,
};

export interface JobPayloads {
  [JobName.MailSend]: MailSendPayload;
  [JobName.SessionsPurge]: Record<string, never>;
  [JobName.DraftGenerate]: DraftGeneratePayload;
  [JobName.DailyWordsRecord]: Record<string, never>;
  [JobName.ConsultationContactsErase]: Record<string, never>;
}
