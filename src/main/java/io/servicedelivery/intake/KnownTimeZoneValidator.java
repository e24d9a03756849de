package io.servicedelivery.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.ZoneId;
import java.util.Set;

/**
 * Checks {@link KnownTimeZone}: a region of the time zone database, as {@link ZoneId} knows it. Offsets ("+01:00") and
 * abbreviations ("EST") are refused: a region follows its daylight saving time, an offset does not.
 */
class KnownTimeZoneValidator implements ConstraintValidator<KnownTimeZone, String> {

  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  static boolean isKnown(String zone) {
    return ZONES.contains(zone);
  }

  @Override
  public boolean isValid(String zone, ConstraintValidatorContext context) {
    return zone == null || isKnown(zone);
  }
}
