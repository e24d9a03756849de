package io.servicedelivery.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;

/**
 * Which groups may see (and start) the definition of a process in Tasklist and Cockpit. Each capability declares the
 * grants on its own processes in a bean of this type; {@link IdentitySetup} grants them at every start, so that
 * identity needs to know no process.
 */
public interface ProcessAccess {

  List<Grant> grants();

  /** The group may do the permissions on the definition of the process with the key. */
  record Grant(String groupId, String processKey, Permission... permissions) {}
}
