package io.servicedelivery.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Takes an {@link InvalidTaskInputException} of a validating task listener out of the {@code ProcessEngineException}
 * the engine wraps it in ("There was an exception while invoking the TaskListener"), so that the caller gets the
 * refusal itself: Camunda's REST resources answer it, a {@code FormFieldValidationException}, with 400 - also the
 * REST API that Tasklist calls, which shows its message - and Java callers see which field was refused. The command's
 * transaction is rolled back all the same: the exception passes through here after the engine closed the command.
 */
class InvalidTaskInputUnwrapping extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (InvalidTaskInputException refused) {
      throw refused;
    } catch (RuntimeException e) {
      InvalidTaskInputException refused = InvalidTaskInputs.in(e);
      if (refused == null) {
        throw e;
      }
      // not e as a suppressed exception of refused: e has refused among its causes, a loop for whoever follows both
      throw refused;
    }
  }
}
