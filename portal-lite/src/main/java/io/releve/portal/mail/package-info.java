/**
 * Outgoing mail: the texts (French and English), the senders (SMTP, or a folder of {@code .eml}
 * files for the demo) and the queue that keeps web requests from waiting for SMTP.
 */
package io.releve.portal.mail;
