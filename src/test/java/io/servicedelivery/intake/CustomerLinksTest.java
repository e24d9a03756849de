package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signed tokens of the customer links, without the application around them. */
class CustomerLinksTest {

  private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void withoutASecretOfThirtyTwoCharactersTheApplicationDoesNotStart() {
    for (String secret : new String[] {null, "", "too-short"}) {
      assertThatThrownBy(() -> new CustomerLinks(secret, "https://desk.example", CLOCK))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("servicedelivery.links.secret");
    }
  }

  @Test
  void aTokenIsValidUntilItsExpiryOnlyWithTheSecretItWasSignedWith() {
    CustomerLinks links = new CustomerLinks(SECRET, "https://desk.example/", CLOCK);
    CustomerLinks.Link confirm =
        new CustomerLinks.Link("SR-000001", CustomerLinks.Action.CONFIRM, 0, NOW.plus(Duration.ofDays(5)));
    String token = links.token(confirm);

    assertThat(links.link("SR-000001", CustomerLinks.Action.CONFIRM, confirm.expiresAt()))
        .isEqualTo("https://desk.example/customer-links/" + token);
    assertThat(links.verify(token)).contains(confirm);
    assertThat(new CustomerLinks(SECRET.toUpperCase(), "https://desk.example", CLOCK).verify(token))
        .as("another secret")
        .isEmpty();
    Clock later = Clock.fixed(confirm.expiresAt(), ZoneOffset.UTC);
    assertThat(new CustomerLinks(SECRET, "https://desk.example", later).verify(token)).as("expired").isEmpty();
    String otherAction = links.token(new CustomerLinks.Link("SR-000001", CustomerLinks.Action.OBJECT, 0, confirm.expiresAt()));
    String swapped = token.substring(0, token.indexOf('.')) + otherAction.substring(otherAction.indexOf('.'));
    assertThat(links.verify(swapped)).as("the signature of another action").isEmpty();
    assertThat(links.verify(null)).isEmpty();
    assertThat(links.verify("")).isEmpty();
    assertThat(links.verify("x.y.z")).isEmpty();
  }

  @Test
  void aRatingTokenCarriesItsRatingFromOneToFive() {
    CustomerLinks links = new CustomerLinks(SECRET, "https://desk.example", CLOCK);
    Instant until = NOW.plus(Duration.ofDays(30));

    for (int rating = 1; rating <= 5; rating++) {
      String link = links.ratingLink("SR-000002", rating, until);
      assertThat(links.verify(link.substring(link.lastIndexOf('/') + 1)))
          .contains(new CustomerLinks.Link("SR-000002", CustomerLinks.Action.RATE, rating, until));
    }
    assertThat(links.verify(links.token(new CustomerLinks.Link("SR-000002", CustomerLinks.Action.RATE, 6, until))))
        .isEmpty();
  }
}
