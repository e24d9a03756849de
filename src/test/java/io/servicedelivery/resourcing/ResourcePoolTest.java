package io.servicedelivery.resourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Allocation against the seeded pool: staff1 (hardware, software; capacity 3) and staff2 (network, storage,
 * software; capacity 2).
 */
@WebIntegrationTest
class ResourcePoolTest {

  @Autowired ResourcePool pool;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void emptyThePool() {
    jdbc.sql("delete from resource_reservation").update();
    jdbc.sql("update staff_resource set available = true").update();
  }

  @Test
  void leastLoadedQualifiedPersonFirstTiesByUserId() {
    assertThat(pool.allocate("R1", "software", null).userId()).isEqualTo("staff1");
    assertThat(pool.allocate("R2", "software", null).userId()).isEqualTo("staff2");
    assertThat(pool.allocate("R3", "software", null).userId()).isEqualTo("staff1");
    assertThat(pool.allocate("R4", "network", null).userId()).isEqualTo("staff2");
    assertThat(pool.allocate("R5", "software", null).userId()).isEqualTo("staff1");
    Allocation none = pool.allocate("R6", "software", null);
    assertThat(none.allocated()).isFalse();
    assertThat(none.note()).isEqualTo(
        "Nobody with the skill 'software' is available with free capacity: staff1 (3/3 busy), staff2 (2/2 busy).");
  }

  @Test
  void proposedPersonIsPreferredWhenQualifiedAndFree() {
    assertThat(pool.allocate("R1", "software", "staff2").userId()).isEqualTo("staff2");
    Allocation instead = pool.allocate("R2", "hardware", "staff2");
    assertThat(instead.userId()).as("staff2 lacks the skill").isEqualTo("staff1");
    assertThat(instead.note())
        .isEqualTo(
            "The proposed staff2 lacks the skill, is not available or has no free capacity. "
                + "Reserved staff1, the least loaded qualified person (1 of 3 assignments).");
  }

  @Test
  void releaseGivesCapacityBackAndReworkReservesTheSamePersonAgain() {
    pool.allocate("R1", "network", null);
    pool.allocate("R2", "network", null);
    pool.release("R1");

    assertThat(pool.openReservationOf("R1")).isEmpty();
    assertThat(pool.openReservationsOf("staff2")).isEqualTo(1);

    pool.reserveForRework("R1", "staff2");
    pool.reserveForRework("R1", "staff2");
    assertThat(pool.openReservationOf("R1")).contains("staff2");
    assertThat(pool.openReservationsOf("staff2")).isEqualTo(2);
  }

  @Test
  void unavailablePeopleAreNotAllocated() {
    pool.setAvailable("staff2", false);

    assertThat(pool.allocate("R1", "storage", null).note())
        .isEqualTo("Nobody with the skill 'storage' is available with free capacity: staff2 (not available).");
  }

  @Test
  void concurrentAllocationsNeverExceedCapacity() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Callable<Allocation>> attempts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String requestId = "C" + i;
      attempts.add(() -> pool.allocate(requestId, "storage", null));
    }
    long allocated = 0;
    for (Future<Allocation> attempt : threads.invokeAll(attempts)) {
      allocated += attempt.get().allocated() ? 1 : 0;
    }
    threads.shutdown();

    assertThat(allocated).isEqualTo(2);
    assertThat(pool.openReservationsOf("staff2")).isEqualTo(2);
  }
}
