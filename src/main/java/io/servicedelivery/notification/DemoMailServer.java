package io.servicedelivery.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's mail server, inside the application: GreenMail accepts the notifications over SMTP on {@code
 * spring.mail.port} and keeps them in memory (gone after a restart), with a mailbox for each recipient that any mail
 * client can read over IMAP: user name = the recipient's address, any password. The service desk's own mailbox
 * (servicedelivery.mailbox.address) is there from the start: the demo reads it (mailbox/). Bound to this machine only. Tests
 * switch it off ({@code servicedelivery.mail.demo-server.enabled=false}) and send to a server of their own.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "servicedelivery.mail.demo-server.enabled", matchIfMissing = true)
class DemoMailServer {

  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);
  private static final String LOCALHOST = "127.0.0.1";

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(
      MailProperties mail,
      @Value("${servicedelivery.mail.demo-server.imap-port}") int imapPort,
      @Value("${servicedelivery.mailbox.address}") String deskAddress) {
    GreenMail server =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(mail.getPort(), LOCALHOST, ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, LOCALHOST, ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    // the service desk's mailbox, which the demo reads (servicedelivery.mailbox.*): replies and new requests go there
    server.setUser(deskAddress, deskAddress, "demo");
    log.info(
        "Demo mail server: SMTP on {}:{}, IMAP on {}:{} (user name = the recipient's address, any password)",
        LOCALHOST, mail.getPort(), LOCALHOST, imapPort);
    return server;
  }
}
