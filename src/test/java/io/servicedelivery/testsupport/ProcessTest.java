package io.servicedelivery.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on an in-memory database, without a web server and without the job
 * executor, with process test coverage recorded. Each process's test class adds its coverage bar in a nested
 * {@code @TestConfiguration}, so it gets a context (and a process engine) of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessTest {}
