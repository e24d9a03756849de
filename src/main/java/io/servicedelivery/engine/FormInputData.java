package io.servicedelivery.engine;

import java.util.Map;

/**
 * The input data of a Camunda start form that the application computes when the form is shown, such as the options
 * of its selects ({@code valuesKey}, or names a {@code valuesExpression} reads). Tasklist 7.24 renders a start form
 * without input data (it loads form variables for task forms only), so {@link TasklistStartFormData} puts this data
 * into the form as Tasklist fetches it. The data is never a form field: the form cannot submit it.
 */
public interface FormInputData {

  /** The {@code id} of the form (its {@code .form} file) this data belongs to. */
  String formId();

  /** The data as of now, by name: strings, numbers, booleans, lists and maps of them (maps keyed by FEEL names). */
  Map<String, Object> data();
}
