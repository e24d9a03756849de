package io.servicedelivery.resourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.testsupport.WebIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Allocation against the seeded pool: staff1 (hardware level 4, software level 3; capacity 3) and staff2 (network,
 * storage level 3, software level 2; capacity 2), on the real database and its transactions.
 */
@WebIntegrationTest
class ResourcePoolTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired ResourcePool pool;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void emptyThePool() {
    jdbc.sql("delete from resource_reservation").update();
    jdbc.sql("delete from resource_absence").update();
    jdbc.sql("delete from staff_skill where user_id like 'test-%'").update();
    jdbc.sql("delete from staff_resource where user_id like 'test-%'").update();
    jdbc.sql("update staff_resource set available = true").update();
  }

  @Test
  void leastLoadedQualifiedPersonFirstTiesByLevel() {
    assertThat(allocate("R1", "software").userId()).as("level 3 before level 2").isEqualTo("staff1");
    assertThat(allocate("R2", "software").userId()).isEqualTo("staff2");
    assertThat(allocate("R3", "software").userId()).isEqualTo("staff1");
    assertThat(allocate("R4", "network").userId()).isEqualTo("staff2");
    assertThat(allocate("R5", "software").userId()).isEqualTo("staff1");
    Allocation none = allocate("R6", "software");
    assertThat(none.allocated()).isFalse();
    assertThat(none.note()).isEqualTo(
        "Nobody with the skill 'software' is available with free capacity: Noor Network (2/2 busy), Sam Field (3/3 busy).");
  }

  @Test
  void aMinimumLevelLeavesOutThePeopleBelowIt() {
    Allocation none = pool.allocate(new AllocationRequest("R1", "hardware", 5, NOW, null));

    assertThat(none.note())
        .isEqualTo("Nobody with the skill 'hardware' at level 5 or above is available with free capacity: "
            + "Sam Field (level 4, needs 5).");
    assertThat(pool.allocate(new AllocationRequest("R2", "software", 3, NOW, null)).userId()).isEqualTo("staff1");
  }

  @Test
  void anAbsenceDuringThePlannedWindowLeavesThePersonOut() {
    absent("staff1", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3)));

    assertThat(pool.allocate(new AllocationRequest("R1", "software", 1, NOW, NOW.plus(Duration.ofHours(4))))
            .userId())
        .as("back before the absence")
        .isEqualTo("staff1");
    assertThat(pool.allocate(new AllocationRequest("R2", "hardware", 1, NOW, NOW.plus(Duration.ofDays(2)))).note())
        .isEqualTo("Nobody with the skill 'hardware' is available with free capacity: "
            + "Sam Field (absent during the planned window).");
    assertThat(pool.allocate(new AllocationRequest("R3", "hardware", 1, NOW.plus(Duration.ofDays(3)), null))
            .userId())
        .as("the absence ends when the window starts")
        .isEqualTo("staff1");
  }

  @Test
  void theChosenPersonIsReservedOnlyWhenTheyFit() {
    assertThat(pool.reserve(request("R1", "software"), "staff2").note())
        .isEqualTo("Reserved staff2 as chosen by the resource analyst (1 of 2 assignments).");
    assertThat(pool.reserve(request("R2", "hardware"), "staff2").note())
        .isEqualTo("The chosen staff2 is not in the resource pool with the skill 'hardware'.");
    assertThat(pool.reserve(request("R3", "storage"), "staff2").allocated()).isTrue();
    assertThat(pool.reserve(request("R4", "storage"), "staff2").note())
        .isEqualTo("The chosen Noor Network cannot take the request: 2/2 busy.");
    assertThat(pool.reserve(request("R5", "storage"), " ").note()).isEqualTo("Choose the person to allocate.");
    assertThat(pool.openReservationOf("R2")).isEmpty();
  }

  @Test
  void releaseGivesCapacityBackWithItsReasonAndReworkReservesTheSamePersonAgain() {
    allocate("R1", "network");
    allocate("R2", "network");
    pool.release("R1", ReleaseReason.COMPLETED);

    assertThat(pool.openReservationOf("R1")).isEmpty();
    assertThat(pool.openReservationsOf("staff2")).isEqualTo(1);
    assertThat(jdbc.sql("select release_reason from resource_reservation where request_id = 'R1'")
            .query(String.class)
            .single())
        .isEqualTo("COMPLETED");

    pool.reserveForRework("R1", "staff2");
    pool.reserveForRework("R1", "staff2");
    assertThat(pool.openReservationOf("R1")).contains("staff2");
    assertThat(pool.openReservationsOf("staff2")).isEqualTo(2);
  }

  @Test
  void unavailablePeopleAreNotAllocated() {
    pool.setAvailable("staff2", false);

    assertThat(allocate("R1", "storage").note())
        .isEqualTo("Nobody with the skill 'storage' is available with free capacity: Noor Network (not available).");
  }

  @Test
  void concurrentAllocationsNeverExceedCapacity() throws Exception {
    jdbc.sql("insert into staff_resource (user_id, display_name, capacity, available) values (?, ?, 3, true)")
        .param("test-welder")
        .param("Wendy Welder")
        .update();
    jdbc.sql("insert into staff_skill (user_id, skill) values ('test-welder', 'welding')").update();
    int threads = 16;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Allocation>> attempts = new ArrayList<>();
    for (int i = 0; i < threads * 4; i++) {
      String requestId = "C" + i;
      attempts.add(() -> {
        start.await();
        return allocate(requestId, "welding");
      });
    }
    List<Future<Allocation>> results = new ArrayList<>();
    attempts.forEach(attempt -> results.add(executor.submit(attempt)));
    start.countDown();
    long allocated = 0;
    for (Future<Allocation> result : results) {
      allocated += result.get().allocated() ? 1 : 0;
    }
    executor.shutdown();

    assertThat(allocated).isEqualTo(3);
    assertThat(pool.openReservationsOf("test-welder")).isEqualTo(3);
  }

  private Allocation allocate(String requestId, String skill) {
    return pool.allocate(request(requestId, skill));
  }

  private static AllocationRequest request(String requestId, String skill) {
    return new AllocationRequest(requestId, skill, 1, NOW, NOW.plus(Duration.ofHours(8)));
  }

  private void absent(String userId, Instant from, Instant to) {
    jdbc.sql("insert into resource_absence (user_id, absent_from, absent_to) values (?, ?, ?)")
        .param(userId)
        .param(Timestamp.from(from))
        .param(Timestamp.from(to))
        .update();
  }
}
