package io.servicedelivery.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the service catalog: services, their request types, quality checklists and SLA targets. */
@Repository
public class ServiceCatalog {

  private final JdbcClient jdbc;

  public ServiceCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ServiceSummary> list() {
    return jdbc.sql("select code, name, description, required_skill from catalog_service order by name")
        .query(ServiceSummary.class)
        .list();
  }

  public Optional<ServiceDefinition> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select code, name, description, required_skill, standard_effort_hours, cost_rate_per_hour, currency
            from catalog_service where code = ?""")
        .param(code)
        .query(
            (rs, row) ->
                new ServiceDefinition(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getString("required_skill"),
                    rs.getBigDecimal("standard_effort_hours"),
                    rs.getBigDecimal("cost_rate_per_hour"),
                    rs.getString("currency"),
                    requestTypes(code),
                    checklist(code),
                    slaTargets(code)))
        .optional();
  }

  public ServiceDefinition get(String code) {
    return find(code).orElseThrow(() -> new UnknownServiceException(code));
  }

  private List<RequestType> requestTypes(String serviceCode) {
    return jdbc.sql("select code, name from catalog_request_type where service_code = ? order by code")
        .param(serviceCode)
        .query(RequestType.class)
        .list();
  }

  private List<String> checklist(String serviceCode) {
    return jdbc.sql("select text from catalog_checklist_item where service_code = ? order by position")
        .param(serviceCode)
        .query(String.class)
        .list();
  }

  private List<SlaTarget> slaTargets(String serviceCode) {
    return jdbc.sql(
            "select priority, response_minutes, resolution_minutes from catalog_sla_target where service_code = ?")
        .param(serviceCode)
        .query(
            (rs, row) ->
                new SlaTarget(
                    Priority.valueOf(rs.getString("priority")),
                    rs.getInt("response_minutes"),
                    rs.getInt("resolution_minutes")))
        .list()
        .stream()
        .sorted((a, b) -> a.priority().compareTo(b.priority()))
        .toList();
  }
}
