package io.servicedelivery.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The links in the customer's mails that act on a request without a sign-in: confirm or object to a completed
 * delivery, rate a closed one. A link carries a token signed with HMAC-SHA256 over the request id, the action and the
 * expiry, with the secret {@code servicedelivery.links.secret} (the same on every node of a cluster; required, at
 * least 32 characters). A link only names the request; opening it (GET) changes nothing, the page it shows posts the
 * action ({@link CustomerLinkController}).
 */
@Service
public class CustomerLinks {

  /** the path the links open, followed by the token */
  public static final String PATH = "/customer-links/";

  /** What a link does. A rating link carries its rating (1 to 5). */
  public enum Action {
    CONFIRM,
    OBJECT,
    RATE
  }

  /** A verified link: the request, what to do, and for a rating, the rating. */
  public record Link(String requestId, Action action, int rating, Instant expiresAt) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] secret;
  private final String publicUrl;
  private final Clock clock;

  CustomerLinks(
      @Value("${servicedelivery.links.secret:}") String secret,
      @Value("${servicedelivery.public-url:http://localhost:8080}") String publicUrl,
      Clock clock) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException(
          "servicedelivery.links.secret must be set to a secret of at least 32 characters, the same on every node:"
              + " it signs the links in the customers' mails (see docs/production.md)");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.clock = clock;
  }

  /** @return the absolute URL of a link to confirm or object to the request, valid until {@code expiresAt} */
  public String link(String requestId, Action action, Instant expiresAt) {
    return link(requestId, action, 0, expiresAt);
  }

  /** @return the absolute URL of a one-click rating of the request, valid until {@code expiresAt} */
  public String ratingLink(String requestId, int rating, Instant expiresAt) {
    return link(requestId, Action.RATE, rating, expiresAt);
  }

  private String link(String requestId, Action action, int rating, Instant expiresAt) {
    return publicUrl + PATH + token(new Link(requestId, action, rating, expiresAt));
  }

  String token(Link link) {
    String payload =
        link.requestId() + "|" + link.action().name() + (link.action() == Action.RATE ? "-" + link.rating() : "")
            + "|" + link.expiresAt().getEpochSecond();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  /** @return the link the token stands for, if it is signed with our secret, well-formed and not expired */
  Optional<Link> verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || token.length() > 500) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 3) {
        return Optional.empty();
      }
      Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      if (!clock.instant().isBefore(expiresAt)) {
        return Optional.empty();
      }
      String action = parts[1];
      if (action.startsWith("RATE-")) {
        int rating = Integer.parseInt(action.substring("RATE-".length()));
        return rating < 1 || rating > 5
            ? Optional.empty()
            : Optional.of(new Link(parts[0], Action.RATE, rating, expiresAt));
      }
      Action known = Action.valueOf(action);
      return known == Action.RATE ? Optional.empty() : Optional.of(new Link(parts[0], known, 0, expiresAt));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
