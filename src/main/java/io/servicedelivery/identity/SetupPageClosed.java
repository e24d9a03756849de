package io.servicedelivery.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Camunda's first-run set-up ("create the first administrator") answers anybody who reaches the port while no
 * administrator exists. The first administrator comes from the configuration instead ({@link FirstAdministrator}), so
 * the set-up's API is refused always, even in the moment between the web server's start and the administrator's
 * creation on an empty database.
 */
@Configuration
class SetupPageClosed {

  @Bean
  @Order(0)
  SecurityFilterChain setupPageClosedFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/camunda/api/admin/setup/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
        .csrf(csrf -> csrf.disable())
        .headers(SecurityHeaders.standard())
        .build();
  }
}
