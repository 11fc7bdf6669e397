package io.releve.portal.notify;

/**
 * Sends text messages. One implementation per provider, chosen by {@code portal.sms.sender} (see
 * {@link SmsSenderKind}); the notifier calls it on its own thread, never from a web request.
 */
public interface SmsSender {

  /**
   * Sends {@code sms} now or fails.
   *
   * @throws SmsException when the provider did not accept it
   */
  void send(Sms sms) throws SmsException;
}
