package io.servicedelivery.resourcing;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who of the people with the required skill may take a request, best first: only those who are available, not
 * absent during the planned window, at or above the minimum level and with free capacity; the least loaded first,
 * ties to the higher skill level, then by user id so that the order is stable.
 */
final class CandidateRanking {

  static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::openReservations)
          .thenComparing(Comparator.comparingInt(Candidate::skillLevel).reversed())
          .thenComparing(Candidate::userId);

  private CandidateRanking() {}

  static List<Candidate> rank(List<Candidate> candidates, int minimumLevel) {
    return candidates.stream().filter(c -> c.unfitReason(minimumLevel).isEmpty()).sorted(ORDER).toList();
  }

  /** Why nobody of the candidates fits, in words a resource analyst can act on. */
  static String whyNobodyFits(String skill, int minimumLevel, List<Candidate> candidates) {
    String level = minimumLevel > 1 ? " at level " + minimumLevel + " or above" : "";
    if (candidates.isEmpty()) {
      return "Nobody in the resource pool has the skill '" + skill + "'" + level + ".";
    }
    return "Nobody with the skill '" + skill + "'" + level + " is available with free capacity: "
        + candidates.stream()
            .sorted(Comparator.comparing(Candidate::name))
            .map(c -> c.describe(minimumLevel))
            .collect(Collectors.joining(", "))
        + ".";
  }
}
