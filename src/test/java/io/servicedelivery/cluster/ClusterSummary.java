package io.servicedelivery.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** The figures of one run of the cluster test, printed and written to {@code target/cluster/summary.txt}. */
record ClusterSummary(
    Instant ranAt,
    Duration coldStart,
    Duration restart,
    int submissions,
    int calls,
    int repeatedWithSameKey,
    int failedOverCalls,
    int acknowledged,
    long requestsInDatabase,
    long processInstances,
    long duplicateRequests,
    long duplicateProcesses,
    int serverErrors,
    int survivorCallsUnanswered,
    int apiReadsFailed,
    int timersMadeDue,
    int timersFiredOnce,
    int timersFiredTwice,
    long jobsRunTwice,
    int jobsOrphanedByKill,
    int jobsTakenOverBySurvivor,
    Duration lockTime,
    Duration failover,
    Duration afterLockExpiry,
    Set<String> jobLogHostnames,
    long mailsQueued,
    long mailCopiesReceived,
    long mailCopiesDuplicated,
    long mailCopiesMissing,
    Set<String> duplicatedMailSubjects,
    long mailCopiesWithAnotherMessageId,
    long incidents,
    Duration total) {

  String text() {
    return String.join("\n",
        "Cluster test, " + ranAt + " (2 nodes, one PostgreSQL database)",
        "start on an empty database (both at once): " + seconds(coldStart) + " s until both UP",
        "restart on the existing database (both at once): " + seconds(restart) + " s until both UP",
        "submissions: " + submissions + ", HTTP calls: " + calls + " (" + repeatedWithSameKey
            + " repeated with the same key, " + failedOverCalls + " sent again to the survivor after the kill)",
        "requests acknowledged: " + acknowledged,
        "requests in the database: " + requestsInDatabase,
        "service-delivery process instances: " + processInstances,
        "duplicates: " + duplicateRequests + " requests, " + duplicateProcesses + " process instances",
        "5xx answers: " + serverErrors + ", survivor calls without an answer: " + survivorCallsUnanswered
            + ", API reads afterwards failed: " + apiReadsFailed,
        "timers made due: " + timersMadeDue + ", fired once: " + timersFiredOnce + ", fired twice: " + timersFiredTwice
            + " (jobs of any kind run successfully twice: " + jobsRunTwice + ")",
        "jobs the killed node held locked: " + jobsOrphanedByKill + ", taken over by the survivor: "
            + jobsTakenOverBySurvivor,
        "failover: the last of them ran " + seconds(failover) + " s after the kill (lock time " + seconds(lockTime)
            + " s; " + seconds(afterLockExpiry) + " s after its lock expired)",
        "job log hostnames: " + jobLogHostnames,
        "mails queued: " + mailsQueued + ", copies received: " + mailCopiesReceived + ", duplicated: "
            + mailCopiesDuplicated + " " + duplicatedMailSubjects + ", missing: " + mailCopiesMissing
            + ", copies with another Message-ID: " + mailCopiesWithAnotherMessageId,
        "incidents: " + incidents,
        "run time: " + seconds(total) + " s",
        "");
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(), StandardCharsets.UTF_8);
  }

  private static String seconds(Duration duration) {
    return duration == null ? "-" : String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }
}
