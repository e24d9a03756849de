package io.servicedelivery.benchmark;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The benchmark context's view of the database traffic: the application's DataSource bean is wrapped in a counting
 * datasource-proxy before anybody gets it, so that Camunda (whose starter wraps the bean it receives in a
 * TransactionAwareDataSourceProxy), JdbcClient, Flyway and the transaction manager all go through the counter. Each
 * statement is put down to the step its thread works on: a servlet filter names HTTP calls by method and path (ids
 * replaced by {id}), an engine plugin names jobs by their activity and the job acquisition.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {

  @Bean
  static StatementCounter statementCounter() {
    return new StatementCounter();
  }

  @Bean
  static BeanPostProcessor countingDataSource(StatementCounter counter) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(counter).build();
        }
        return bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> httpSteps(StatementCounter counter) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new HttpSteps(counter));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  ProcessEnginePlugin jobSteps(StatementCounter counter) {
    return new JobSteps(counter);
  }

  /**
   * names the step of an HTTP call: {@code HTTP POST /engine-rest/task/{id}/complete}, and which task the driver
   * completes ({@code (Task_PlanDelivery)}, header {@value ApiClient#TASK})
   */
  static final class HttpSteps extends OncePerRequestFilter {

    /** a path segment that is an id: it has a digit (SR-000042, UUIDs) */
    private static final Pattern ID = Pattern.compile("[^/]*\\d[^/]*");
    /** the benchmark's engine has a name of its own: /engine-rest/engine/{name}/task is /engine-rest/task */
    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine-rest/engine/[^/]+/");

    private final StatementCounter counter;

    HttpSteps(StatementCounter counter) {
      this.counter = counter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = NAMED_ENGINE.matcher(request.getRequestURI()).replaceFirst("/engine-rest/");
      String step = Steps.HTTP + request.getMethod() + " " + ID.matcher(path).replaceAll("{id}")
          + (request.getHeader(ApiClient.TASK) != null ? " (" + request.getHeader(ApiClient.TASK) + ")" : "")
          + (request.getHeader(ApiClient.REPEAT) != null ? Steps.REPEATED : "");
      String previous = Steps.set(step);
      counter.called(step);
      try {
        chain.doFilter(request, response);
      } finally {
        Steps.restore(previous);
      }
    }
  }

  /**
   * Names the steps of the engine's own threads: a job is named after its activity once its handler runs, and all
   * of its statements (fetching the job before, flushing and committing after the handler) are put down to it.
   */
  static final class JobSteps extends AbstractProcessEnginePlugin {

    private final StatementCounter counter;

    JobSteps(StatementCounter counter) {
      this.counter = counter;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
        configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
      }
      configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new EngineThreadSteps(counter));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      Map<String, JobHandler> labelled = new HashMap<>();
      configuration.getJobHandlers().forEach((type, handler) -> labelled.put(type, new NamingJobHandler(handler, counter)));
      configuration.setJobHandlers(labelled);
    }
  }

  /** Commands on threads without a step (the job executor's, the engine's background threads) get one. */
  static final class EngineThreadSteps extends CommandInterceptor {

    private final StatementCounter counter;

    EngineThreadSteps(StatementCounter counter) {
      this.counter = counter;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (Steps.isSet() || counter.isDeferring()) {
        return next.execute(command);
      }
      String step;
      if (command instanceof AcquireJobsCmd) {
        step = Steps.JOB_ACQUISITION;
        counter.called(step);
      } else if (Context.getJobExecutorContext() != null) {
        step = Steps.JOB + "(" + command.getClass().getSimpleName() + ")";
      } else {
        step = Steps.current() + ": " + command.getClass().getSimpleName();
      }
      String previous = Steps.set(step);
      counter.beginDeferred();
      try {
        return next.execute(command);
      } finally {
        counter.endDeferred(Steps.current());
        Steps.restore(previous);
      }
    }
  }

  /** Names the running job after its activity: {@code job Task_AcknowledgeRequest (async before)}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class NamingJobHandler implements JobHandler {

    private final JobHandler handler;
    private final StatementCounter counter;

    NamingJobHandler(JobHandler handler, StatementCounter counter) {
      this.handler = handler;
      this.counter = counter;
    }

    @Override
    public String getType() {
      return handler.getType();
    }

    @Override
    public void execute(
        JobHandlerConfiguration configuration, ExecutionEntity execution, CommandContext commandContext,
        String tenantId) {
      if (Steps.isSet() && Steps.current().startsWith(Steps.JOB)) {
        String step = Steps.JOB + name(Context.getJobExecutorContext() == null
            ? null
            : Context.getJobExecutorContext().getCurrentJob());
        Steps.set(step);
        counter.called(step);
      }
      handler.execute(configuration, execution, commandContext, tenantId);
    }

    private String name(JobEntity job) {
      if (job == null) {
        return getType();
      }
      String raw = job.getJobHandlerConfigurationRaw();
      String kind;
      if ("async-continuation".equals(getType())) {
        // the continuation's operation: taking the outgoing flow or ending the activity is the part after it
        kind = raw != null && (raw.startsWith("transition-notify-listener-take") || raw.startsWith("activity-end"))
            ? "async after"
            : "async before";
      } else {
        kind = getType();
      }
      return job.getProcessDefinitionKey() + "/" + job.getActivityId() + " (" + kind + ")";
    }

    @Override
    public JobHandlerConfiguration newConfiguration(String canonicalString) {
      return handler.newConfiguration(canonicalString);
    }

    @Override
    public void onDelete(JobHandlerConfiguration configuration, JobEntity jobEntity) {
      handler.onDelete(configuration, jobEntity);
    }
  }
}
