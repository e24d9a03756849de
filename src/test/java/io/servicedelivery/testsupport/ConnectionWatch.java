package io.servicedelivery.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Watches a connection pool: how many of its connections each thread holds, and every occasion on which a thread asked
 * the pool for another connection while it held one. Such a thread waits for a second connection with the first one
 * locked up; enough of them at once take every connection of the pool and wait for each other until the pool's
 * timeout.
 *
 * <p>It counts what the pool hands out, not what the code asks for: inside a Spring transaction JdbcClient, and the
 * engine through the {@code TransactionAwareDataSourceProxy} that Camunda's starter puts around the data source, reuse
 * the transaction's connection without asking the pool. {@link #watch} therefore wraps the pool itself, below every
 * such proxy: a request for a connection is seen before the pool answers it (so a thread that waits in vain is seen
 * too), and datasource-proxy reports when the connection is given back.
 */
public final class ConnectionWatch {

  /** A thread asked the pool for a connection while it held {@code held} of them, from {@code stack}. */
  public record Overlap(String thread, int held, List<String> stack) {

    @Override
    public String toString() {
      return thread + " held " + held + " pooled connection(s) and asked for another at\n    "
          + String.join("\n    ", stack);
    }
  }

  private static final int STACK_LINES = 25;

  /** the open connections by their datasource-proxy id, with the thread that took them */
  private final Map<String, Thread> owners = new ConcurrentHashMap<>();

  private final Map<Thread, Set<String>> held = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> takenByThread = new ConcurrentHashMap<>();
  private final List<Overlap> overlaps = new CopyOnWriteArrayList<>();

  /** @return the pool as the application is to see it: every connection it hands out is watched */
  public DataSource watch(DataSource pool) {
    return ProxyDataSourceBuilder.create("watched-pool", new Asking(pool)).methodListener(new Returns()).build();
  }

  /** Every occasion so far on which a thread asked for a connection while holding one, oldest first. */
  public List<Overlap> overlaps() {
    return List.copyOf(overlaps);
  }

  /** Forgets the overlaps seen so far (at start-up, say); the connections held now stay counted. */
  public void forgetOverlaps() {
    overlaps.clear();
  }

  /** @return how many connections of the pool the thread holds now */
  public int heldBy(Thread thread) {
    Set<String> connections = held.get(thread);
    return connections == null ? 0 : connections.size();
  }

  /** @return how many connections each thread took from the pool, by thread name */
  public Map<String, Integer> takenByThread() {
    Map<String, Integer> taken = new TreeMap<>();
    takenByThread.forEach((thread, count) -> taken.put(thread, count.get()));
    return taken;
  }

  private void asking() {
    Thread thread = Thread.currentThread();
    int holding = heldBy(thread);
    if (holding > 0) {
      overlaps.add(new Overlap(thread.getName(), holding, stackExcerpt(thread.getStackTrace())));
    }
  }

  private void taken(String connectionId) {
    Thread thread = Thread.currentThread();
    owners.put(connectionId, thread);
    held.computeIfAbsent(thread, key -> ConcurrentHashMap.newKeySet()).add(connectionId);
    takenByThread.computeIfAbsent(thread.getName(), key -> new AtomicInteger()).incrementAndGet();
  }

  private void returned(String connectionId) {
    Thread owner = owners.remove(connectionId);
    if (owner != null) {
      held.computeIfPresent(owner, (thread, connections) -> {
        connections.remove(connectionId);
        return connections.isEmpty() ? null : connections;
      });
    }
  }

  /** The application's and the engine's frames, which tell where the connection was asked for; else the top ones. */
  private static List<String> stackExcerpt(StackTraceElement[] stack) {
    List<StackTraceElement> frames =
        Arrays.stream(stack)
            .dropWhile(frame -> !frame.getClassName().startsWith(ConnectionWatch.class.getName()))
            .dropWhile(frame -> frame.getClassName().startsWith(ConnectionWatch.class.getName()))
            .toList();
    List<String> telling =
        frames.stream()
            .filter(frame -> frame.getClassName().startsWith("io.servicedelivery.")
                || frame.getClassName().startsWith("org.camunda."))
            .map(StackTraceElement::toString)
            .toList();
    List<String> excerpt = telling.isEmpty() ? frames.stream().map(StackTraceElement::toString).toList() : telling;
    return excerpt.subList(0, Math.min(STACK_LINES, excerpt.size()));
  }

  /** The pool, noting each request for a connection before the pool answers it. */
  private final class Asking extends DelegatingDataSource {

    Asking(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      asking();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      asking();
      return super.getConnection(username, password);
    }
  }

  /** datasource-proxy's report of connections handed out and given back */
  private final class Returns implements MethodExecutionListener {

    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      if (context.getThrown() != null || context.getConnectionInfo() == null) {
        return;
      }
      String method = context.getMethod().getName();
      if (context.getTarget() instanceof DataSource && method.equals("getConnection")) {
        taken(context.getConnectionInfo().getConnectionId());
      } else if (context.getTarget() instanceof Connection && method.equals("close")) {
        returned(context.getConnectionInfo().getConnectionId());
      }
    }
  }
}
