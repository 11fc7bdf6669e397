/**
 * Residents' notifications (DESIGN §5 and §6): what each resident wants to be told and how ({@link
 * io.releve.portal.notify.Settings}), the SMS senders behind {@link
 * io.releve.portal.notify.SmsSender}, and the {@link io.releve.portal.notify.Notifier} that turns
 * opened or worsened leak alerts and new documents into e-mails and SMS, each at most once per
 * account, subject and channel.
 */
package io.releve.portal.notify;
