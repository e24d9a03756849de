package io.servicedelivery.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at the first start when no user of Camunda's administrators' group exists yet:
 * {@code SERVICEDELIVERY_ADMIN_ID} and {@code SERVICEDELIVERY_ADMIN_PASSWORD} (and optionally {@code
 * SERVICEDELIVERY_ADMIN_FIRST_NAME}, {@code _LAST_NAME}, {@code _EMAIL}) in production, {@code demo}/{@code demo} in
 * the demo profile. Later starts leave an existing administrator as it is (a password changed in Admin stays).
 */
@ConfigurationProperties("servicedelivery.admin")
record AdministratorProperties(String id, String password, String firstName, String lastName, String email) {

  boolean configured() {
    return id != null && !id.isBlank();
  }
}
