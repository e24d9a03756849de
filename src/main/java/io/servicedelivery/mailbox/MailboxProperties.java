package io.servicedelivery.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-desk mailbox ({@code servicedelivery.mailbox.*}, see docs/mail.md "Inbound mail"): read over IMAP (or
 * IMAPS) every {@code poll-interval} when {@code enabled}; the mail to {@code address} is the desk's.
 *
 * @param idle whether to ask the server to announce new mail (IMAP IDLE), which is then read at once instead of at
 *     the next poll; the poll stays, for servers without IDLE and as a safety net
 * @param knownSenders addresses ({@code anna@example.org}) or whole domains ({@code @example.org}) whose new mails
 *     become requests even when the sender never asked for anything before
 */
@ConfigurationProperties("servicedelivery.mailbox")
public record MailboxProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("imaps") String protocol,
    @DefaultValue("localhost") String host,
    @DefaultValue("993") int port,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("service-desk@servicedelivery.example") String address,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("PT10S") Duration timeout,
    @DefaultValue("true") boolean idle,
    @DefaultValue List<String> knownSenders) {

  public MailboxProperties {
    address = address.trim().toLowerCase(Locale.ROOT);
    knownSenders = knownSenders.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether the address (lower case) is configured as a known sender, by itself or by its domain. */
  public boolean isKnownSender(String address) {
    String domain = address.substring(address.indexOf('@'));
    return knownSenders.contains(address) || knownSenders.contains(domain);
  }
}
