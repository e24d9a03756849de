package io.servicedelivery.intake;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mapping tables of the system channels: service-desk categories and sales-order SKUs to catalog services. */
@Repository
class ChannelMappings {

  private final JdbcClient jdbc;

  ChannelMappings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ChannelMapping> find(Channel channel, String sourceKey) {
    return jdbc.sql("select service_code, request_type from channel_mapping where channel = ? and source_key = ?")
        .param(channel.name())
        .param(sourceKey)
        .query((rs, row) -> new ChannelMapping(rs.getString("service_code"), rs.getString("request_type")))
        .optional();
  }
}
