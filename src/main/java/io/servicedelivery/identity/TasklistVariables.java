package io.servicedelivery.identity;

import java.util.List;

/**
 * Process variables Tasklist shows with each task in the lists of the shared filters, so that a person sees which
 * request a task is for without opening it. Each capability declares those of its own processes in a bean of this
 * type, as it declares who sees them ({@link ProcessAccess}); {@link TasklistFilters} shows them all. A task shows
 * those its process has and its viewer may read: Tasklist reads them with the viewer's permissions on the process
 * instance ({@code READ_INSTANCE} on the definition), which working on the task does not give.
 */
public interface TasklistVariables {

  /** in the order Tasklist shows them */
  List<Shown> shown();

  /** The variable with the name, shown under the label. */
  record Shown(String name, String label) {}
}
