package io.servicedelivery.resourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ranking rules, one table per rule. A person is written as {@code userId:level:capacity:open[:flags]}, with the
 * flags {@code absent} and {@code unavailable}.
 */
class CandidateRankingTest {

  @ParameterizedTest(name = "{0}: {1} at level >= {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          least loaded first            | a:3:3:2 b:3:3:1 c:3:3:0 | 1 | c b a
          load counts, not free units   | a:3:5:2 b:3:2:1         | 1 | b a
          ties by higher skill level    | a:2:3:1 b:5:3:1 c:3:3:1 | 1 | b c a
          then by user id               | b:3:3:0 a:3:3:0         | 1 | a b
          load before level             | a:5:3:1 b:1:3:0         | 1 | b a
          full people are left out      | a:3:2:2 b:3:3:2         | 1 | b
          absent people are left out    | a:3:3:0:absent b:3:3:2  | 1 | b
          unavailable people left out   | a:3:3:0:unavailable     | 1 | -
          below the minimum level out   | a:2:3:0 b:3:3:1 c:4:3:2 | 3 | b c
          any level when no minimum     | a:1:3:0 b:5:3:0         | 1 | b a
          minimum level is inclusive    | a:4:3:0 b:3:3:0         | 4 | a
          nobody qualifies              | a:1:3:0                 | 2 | -
          """)
  void ranks(String rule, String people, int minimumLevel, String expected) {
    List<String> ranked = CandidateRanking.rank(candidates(people), minimumLevel).stream()
        .map(Candidate::userId)
        .toList();

    assertThat(ranked).as(rule).isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          available with free capacity | a:3:3:1             | 1 | a (1/3 busy)
          full                         | a:3:2:2             | 1 | a (2/2 busy)
          absent                       | a:3:3:0:absent      | 1 | a (absent during the planned window)
          not available                | a:3:3:0:unavailable | 1 | a (not available)
          level too low                | a:2:3:0             | 4 | a (level 2, needs 4)
          """)
  void describesWhyAPersonDoesNotFit(String rule, String person, int minimumLevel, String expected) {
    assertThat(candidates(person).get(0).describe(minimumLevel)).isEqualTo(expected);
  }

  @Test
  void explainsWhyNobodyFits() {
    assertThat(CandidateRanking.whyNobodyFits("welding", 1, List.of()))
        .isEqualTo("Nobody in the resource pool has the skill 'welding'.");
    assertThat(CandidateRanking.whyNobodyFits("network", 3, candidates("b:3:2:2 a:2:3:0")))
        .isEqualTo("Nobody with the skill 'network' at level 3 or above is available with free capacity: "
            + "a (level 2, needs 3), b (2/2 busy).");
  }

  private static List<Candidate> candidates(String people) {
    return Arrays.stream(people.trim().split("\\s+"))
        .map(person -> person.split(":"))
        .map(p -> new Candidate(
            p[0],
            p[0],
            Integer.parseInt(p[1]),
            Integer.parseInt(p[2]),
            Integer.parseInt(p[3]),
            !(p.length > 4 && p[4].equals("unavailable")),
            p.length > 4 && p[4].equals("absent")))
        .toList();
  }
}
