package io.servicedelivery.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The delivery meters' gauges are refreshed on a schedule (see {@link DeliveryMetrics}). */
@Configuration
@EnableScheduling
class MetricsConfiguration {}
