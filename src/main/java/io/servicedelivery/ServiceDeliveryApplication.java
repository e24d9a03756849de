package io.servicedelivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ServiceDeliveryApplication {

  public static void main(String[] args) {
    SpringApplication.run(ServiceDeliveryApplication.class, args);
  }
}
