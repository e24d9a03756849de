package io.servicedelivery.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history as the history level {@code full} writes it, except the row per variable update in {@code
 * ACT_HI_DETAIL} (and its byte array for a JSON value): nothing here reads those rows, Cockpit's community edition
 * shows no history, and they were the largest part of what a request wrote (about 115 rows of the 310 a delivered
 * request left behind, see the lifecycle benchmark). Every variable's value stays in {@code ACT_HI_VARINST}; steps,
 * tasks, jobs, incidents, decisions and who did what (the user operation log) stay as they are. The level itself stays
 * {@code full}, so existing databases start as before.
 */
class HistoryWithoutVariableDetails extends DbHistoryEventHandler {

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
    return false;
  }
}
