package io.servicedelivery.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes a large history out of a few real lifecycles: every row a finished request left (the engine's history,
 * {@code ACT_HI_*} and its byte arrays, found by the root process instance; the application's tables, found by the
 * request id) is copied with {@code INSERT ... SELECT}, once per clone, with fresh ids and request ids and all its
 * times moved back by the clone's own offset, so that the clones ended spread over the past months. Ids keep their
 * length: an id that ends in a UUID gets the clone's tag in place of the UUID's node (the same in every id of a run),
 * the same for the same id, so references between the rows stay intact. The history tables' secondary indexes are
 * dropped while loading and built again after it. Written for H2, which the benchmarks use ({@code DATEADD},
 * {@code SYSTEM_RANGE}, its information schema).
 */
final class HistoryCloner {

  private static final String UUID_END = "'%________-____-____-____-____________'";
  private static final String MAP = "BENCHMARK_CLONE";

  /**
   * The engine's history tables that the application reads back (the process map, the delivery record) or Cockpit
   * and Tasklist list: every clone has its rows there. The others (variable history, details, job log, byte arrays,
   * decisions) are only written while the process runs and read by nothing here.
   */
  static final Set<String> READ =
      Set.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_OP_LOG", "ACT_HI_IDENTITYLINK");

  /** one finished request to copy: its root process instance and its request id (the business key) */
  record Template(String rootProcessInstanceId, String requestId) {}

  /** what the cloning did */
  record Result(int clones, Map<String, Long> rows, Duration took, Duration indexing, int indexes) {

    long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final JdbcClient jdbc;

  HistoryCloner(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param clones how many requests to add
   * @param completeClones how many of them get all their rows; the others only those of the tables somebody reads
   *     ({@link #READ})
   * @param spread the clones end within this time before now
   * @param batch clones per statement
   * @param threads statements at once (on tables of their own)
   * @param progress told the number of clones made so far after each batch
   */
  Result clone(
      List<Template> templates, int clones, int completeClones, Duration spread, int batch, int threads,
      IntConsumer progress) {
    long start = System.nanoTime();
    createMap(templates, clones, spread);
    List<String> engineTables = engineTables();
    Map<String, String> engineInserts = new LinkedHashMap<>();
    engineTables.forEach(table -> engineInserts.put(table, engineInsert(table)));
    Map<String, String> applicationInserts = new LinkedHashMap<>();
    applicationTables().forEach(table -> applicationInserts.put(table, applicationInsert(table)));
    Map<String, Long> rows = new ConcurrentHashMap<>();
    Map<String, List<String>> indexes = dropIndexes(engineTables);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long indexStart;
    try {
      for (int from = 1; from <= clones; from += batch) {
        int first = from;
        int last = Math.min(clones, from + batch - 1);
        // the engine's tables do not refer to each other: at once; the application's in the order of their keys
        all(pool, engineInserts.entrySet().stream()
            .filter(insert -> READ.contains(insert.getKey()) || first <= completeClones)
            .map(insert -> (Runnable) () -> rows.merge(insert.getKey(), insert(insert.getValue(), first,
                READ.contains(insert.getKey()) ? last : Math.min(last, completeClones)), Long::sum))
            .toList());
        applicationInserts.forEach((table, insert) -> rows.merge(table, insert(insert, first, last), Long::sum));
        rows.merge("CUSTOMER_FEEDBACK (ratings)", rate(first, last), Long::sum);
        progress.accept(last);
      }
      // one after the other: H2 builds an index holding the lock of its schema
      indexStart = System.nanoTime();
      indexes.values().forEach(table -> table.forEach(index -> jdbc.sql(index).update()));
    } finally {
      // never interrupt: H2 closes the database file when a thread is interrupted while it reads or writes it
      pool.shutdown();
    }
    jdbc.sql("drop table " + MAP).update();
    jdbc.sql("drop table " + MAP + "_TEMPLATE").update();
    return new Result(clones, new TreeMap<>(rows), Duration.ofNanos(System.nanoTime() - start),
        Duration.ofNanos(System.nanoTime() - indexStart), indexes.values().stream().mapToInt(List::size).sum());
  }

  private long insert(String sql, int first, int last) {
    return jdbc.sql(sql).param(first).param(last).update();
  }

  private static void all(ExecutorService pool, List<Runnable> work) {
    List<Future<?>> running = work.stream().<Future<?>>map(pool::submit).toList();
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
    }
  }

  /** clone n: its template, new request id, id tag and how far back it is moved (1 hour to {@code spread}) */
  private void createMap(List<Template> templates, int clones, Duration spread) {
    jdbc.sql("drop table if exists " + MAP).update();
    jdbc.sql("drop table if exists " + MAP + "_TEMPLATE").update();
    jdbc.sql("create table " + MAP + "_TEMPLATE (I int primary key, ROOT varchar(64) not null, "
        + "REQUEST_ID varchar(64) not null)").update();
    for (int i = 0; i < templates.size(); i++) {
      jdbc.sql("insert into " + MAP + "_TEMPLATE values (?, ?, ?)")
          .params(i, templates.get(i).rootProcessInstanceId(), templates.get(i).requestId())
          .update();
    }
    jdbc.sql("create table " + MAP + " (N int primary key, TEMPLATE_ROOT varchar(64) not null, "
        + "TEMPLATE_KEY varchar(64) not null, NEW_KEY varchar(64) not null, TAG varchar(12) not null, "
        + "SHIFT_S bigint not null)").update();
    jdbc.sql("insert into " + MAP + " select r.X, t.ROOT, t.REQUEST_ID, 'SR-H' || lpad(cast(r.X as varchar), 7, '0'), "
            + "'c' || lpad(cast(r.X as varchar), 11, '0'), -(3600 + cast(rand() * ? as bigint)) "
            + "from system_range(1, ?) r join " + MAP + "_TEMPLATE t on t.I = mod(r.X, ?)")
        .param(spread.toSeconds() - 3600)
        .param(clones)
        .param(templates.size())
        .update();
    jdbc.sql("create index " + MAP + "_ROOT on " + MAP + " (TEMPLATE_ROOT, N)").update();
    jdbc.sql("create index " + MAP + "_KEY on " + MAP + " (TEMPLATE_KEY, N)").update();
  }

  /**
   * Drops the secondary indexes of the tables (H2 builds an index over many rows far faster at once than row by
   * row). @return per table, the statements that create them again
   */
  private Map<String, List<String>> dropIndexes(List<String> tables) {
    record Index(String name, String table, String columns) {}
    List<Index> indexes = new ArrayList<>();
    for (String table : tables) {
      jdbc.sql("""
              select i.index_name, listagg(c.column_name, ', ') within group (order by c.ordinal_position)
              from information_schema.indexes i join information_schema.index_columns c
                on c.index_schema = i.index_schema and c.index_name = i.index_name and c.table_name = i.table_name
              where i.table_schema = 'PUBLIC' and i.table_name = ? and i.index_type_name = 'INDEX'
                and i.index_name not in (
                  select k.index_name from information_schema.table_constraints k where k.index_name is not null)
              group by i.index_name""")
          .param(table)
          .query((rs, row) -> new Index(rs.getString(1), table, rs.getString(2)))
          .list()
          .forEach(indexes::add);
    }
    indexes.forEach(index -> jdbc.sql("drop index " + index.name()).update());
    Map<String, List<String>> statements = new LinkedHashMap<>();
    indexes.forEach(index -> statements.computeIfAbsent(index.table(), table -> new ArrayList<>())
        .add("create index " + index.name() + " on " + index.table() + " (" + index.columns() + ")"));
    return statements;
  }

  private record Column(String name, String type, boolean identity) {}

  private List<Column> columns(String table) {
    return jdbc.sql("""
            select column_name, data_type, is_identity from information_schema.columns
            where table_schema = 'PUBLIC' and table_name = ? order by ordinal_position""")
        .param(table)
        .query((rs, row) -> new Column(rs.getString(1), rs.getString(2), "YES".equals(rs.getString(3))))
        .list();
  }

  /** the engine's history tables and byte arrays: every table with a root process instance */
  private List<String> engineTables() {
    return jdbc.sql("""
            select table_name from information_schema.columns
            where table_schema = 'PUBLIC' and column_name = 'ROOT_PROC_INST_ID_'
              and (table_name like 'ACT\\_HI\\_%' escape '\\' or table_name = 'ACT_GE_BYTEARRAY')
            order by table_name""")
        .query(String.class)
        .list();
  }

  /**
   * the application's tables of a request: every other table with a request id, a table another refers to before
   * that one (quality_review before quality_check_result)
   */
  private List<String> applicationTables() {
    List<String> tables = jdbc.sql("""
            select table_name from information_schema.columns
            where table_schema = 'PUBLIC' and column_name = 'REQUEST_ID' and table_name not like 'ACT\\_%' escape '\\'
              and table_name not like ?
            order by table_name""")
        .param(MAP + "%")
        .query(String.class)
        .list();
    Map<String, List<String>> references = new LinkedHashMap<>();
    jdbc.sql("""
            select f.table_name, p.table_name from information_schema.referential_constraints r
            join information_schema.table_constraints f
              on f.constraint_schema = r.constraint_schema and f.constraint_name = r.constraint_name
            join information_schema.table_constraints p
              on p.constraint_schema = r.unique_constraint_schema and p.constraint_name = r.unique_constraint_name
            where f.table_schema = 'PUBLIC'""")
        .query(rs -> {
          references.computeIfAbsent(rs.getString(1), table -> new ArrayList<>()).add(rs.getString(2));
        });
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < tables.size()) {
      for (String table : tables) {
        if (!ordered.contains(table)
            && references.getOrDefault(table, List.of()).stream()
                .allMatch(referenced -> referenced.equals(table) || ordered.contains(referenced)
                    || !tables.contains(referenced))) {
          ordered.add(table);
        }
      }
    }
    return ordered;
  }

  private String engineInsert(String table) {
    List<Column> columns = columns(table);
    String select = columns.stream().map(column -> {
      String name = column.name();
      if (column.type().contains("TIMESTAMP")) {
        return shifted(name);
      }
      if (name.equals("BUSINESS_KEY_") || name.equals("TEXT_")) {
        return "case when t." + name + " = m.TEMPLATE_KEY then m.NEW_KEY else t." + name + " end";
      }
      if (name.endsWith("ID_") && !keeps(name)) {
        return retagged(table, "ROOT_PROC_INST_ID_", "ROOT", name);
      }
      return "t." + name;
    }).collect(Collectors.joining(", "));
    return "insert into " + table + " (" + names(columns) + ") select " + select + " from " + table
        + " t join " + MAP + " m on t.ROOT_PROC_INST_ID_ = m.TEMPLATE_ROOT where m.N between ? and ?";
  }

  /** ids of definitions and deployments (and users, groups, tenants) stay: the clones ran the same processes */
  private static boolean keeps(String column) {
    return column.endsWith("DEF_ID_") || column.equals("DEPLOYMENT_ID_") || column.equals("DEC_REQ_ID_")
        || column.equals("TENANT_ID_") || column.equals("USER_ID_") || column.equals("GROUP_ID_");
  }

  private String applicationInsert(String table) {
    List<Column> columns = columns(table).stream().filter(column -> !column.identity()).toList();
    String select = columns.stream().map(column -> {
      String name = column.name();
      if (column.type().contains("TIMESTAMP")) {
        return shifted(name);
      }
      return switch (name) {
        case "REQUEST_ID" -> "m.NEW_KEY";
        case "PROCESS_INSTANCE_ID" -> retagged(table, "REQUEST_ID", "REQUEST_ID", name);
        case "IDEMPOTENCY_KEY", "EXTERNAL_REFERENCE" ->
            "case when t." + name + " is null then null else t." + name + " || '#' || m.N end";
        case "SUBJECT", "BODY" -> "replace(t." + name + ", m.TEMPLATE_KEY, m.NEW_KEY)";
        default -> "t." + name;
      };
    }).collect(Collectors.joining(", "));
    return "insert into " + table + " (" + names(columns) + ") select " + select + " from " + table
        + " t join " + MAP + " m on t.REQUEST_ID = m.TEMPLATE_KEY where m.N between ? and ?";
  }

  /** a third of the delivered clones rated by the customer an hour after closure, 1 to 5 */
  private long rate(int from, int to) {
    return jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) "
            + "select r.request_id, 1 + mod(m.N, 5), dateadd(HOUR, 1, r.closed_at), 'portal' "
            + "from " + MAP + " m join service_delivery_record r on r.request_id = m.NEW_KEY "
            + "where m.N between ? and ? and mod(m.N, 3) = 0 and r.outcome = 'CLOSED'")
        .param(from)
        .param(to)
        .update();
  }

  private static String shifted(String column) {
    return "dateadd(SECOND, m.SHIFT_S, t." + column + ")";
  }

  /**
   * The id with the clone's tag in front of its UUID, whose last twelve characters (the node, the same in every id
   * of a run) make room for it: {@code Task_X:0a1b2c3d-...-02fc00000001} becomes {@code Task_X:c00000000042
   * 0a1b2c3d-...-}, as long as before. The ids of a batch of clones thus lie together in the primary key's index,
   * which takes them far faster than ids spread all over it. When some of the templates' values of the column do not
   * end in a UUID (activity ids, user ids), only those that do.
   */
  private String retagged(String table, String key, String templateKey, String column) {
    String c = "t." + column;
    String tagged =
        "substring(" + c + ", 1, length(" + c + ") - 36) || m.TAG || substring(" + c + ", length(" + c + ") - 35, 24)";
    long others =
        jdbc.sql("select count(*) from " + table + " t where t." + key + " in (select " + templateKey + " from "
                + MAP + "_TEMPLATE) and t." + column + " is not null and t." + column + " not like " + UUID_END)
            .query(Long.class)
            .single();
    return others == 0 ? tagged : "case when t." + column + " like " + UUID_END + " then " + tagged + " else t."
        + column + " end";
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
