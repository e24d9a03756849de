package io.servicedelivery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query (or form) parameter that the application's own API operation does not read is a 400 naming it, never
 * silently ignored: {@code GET /api/service-requests?qq=vpn} would otherwise list every request. The names an
 * operation reads are those of its {@code @RequestParam} parameters (a {@code Map} of them reads any), the properties
 * of its {@code @ModelAttribute} parameters, and its parameters of simple types without annotation (which Spring
 * binds by name). Only the application's controllers under {@code /api/**} are concerned; Camunda's REST API and
 * webapps are not Spring MVC handlers of this package and keep their own rules.
 */
@Configuration
class KnownParametersOnly implements WebMvcConfigurer, HandlerInterceptor {

  private static final String APPLICATION_PACKAGE = "io.servicedelivery.";

  /** stands for "any name" in a set of names: no parameter name is empty */
  private static final String ANY = "";

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  /** the names each operation reads, or null when it reads any */
  private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().getName().startsWith(APPLICATION_PACKAGE)) {
      return true;
    }
    Set<String> names = known.computeIfAbsent(method.getMethod(), ignored -> namesOf(method));
    if (names.contains(ANY)) {
      return true;
    }
    List<InvalidField> unknown = new ArrayList<>();
    for (String name : Collections.list(request.getParameterNames())) {
      if (!names.contains(name)) {
        unknown.add(new InvalidField(name, "is not a parameter of this operation" + accepted(names)));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidParametersException(unknown);
    }
    return true;
  }

  private static String accepted(Set<String> names) {
    return names.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", names.stream().sorted().toList());
  }

  private static Set<String> namesOf(HandlerMethod method) {
    Set<String> names = new HashSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      parameter.initParameterNameDiscovery(NAMES);
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        if (Map.class.isAssignableFrom(parameter.getParameterType())) {
          return Set.of(ANY);
        }
        names.add(
            !param.name().isEmpty()
                ? param.name()
                : !param.value().isEmpty() ? param.value() : parameter.getParameterName());
      } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
        names.addAll(propertiesOf(parameter.getParameterType()));
      } else if (!parameter.hasParameterAnnotation(PathVariable.class)
          && !parameter.hasParameterAnnotation(RequestBody.class)
          && !parameter.hasParameterAnnotation(RequestHeader.class)
          && BeanUtils.isSimpleProperty(parameter.getParameterType())
          && parameter.getParameterName() != null) {
        names.add(parameter.getParameterName());
      }
    }
    return Set.copyOf(names);
  }

  private static Set<String> propertiesOf(Class<?> type) {
    Set<String> names = new HashSet<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
      }
    }
    for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
      if (property.getWriteMethod() != null) {
        names.add(property.getName());
      }
    }
    return names;
  }
}
