package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_TRIGGER;
import static io.servicedelivery.quality.QualityControlProcess.Variables.CAPA_REQUIRED;
import static io.servicedelivery.quality.QualityControlProcess.Variables.FINDING_SEVERITY;
import static io.servicedelivery.quality.QualityControlProcess.Variables.QUALITY_FINDINGS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.QUALITY_VERDICT;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REQUEST_ID;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REVIEW_ROUND;

import io.servicedelivery.engine.CompletingUser;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.CapaTrigger;
import io.servicedelivery.quality.QualityReviews;
import io.servicedelivery.quality.QualityVerdict;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the QA lead's verdict when "Review quality" is completed. An incomplete verdict (a failure without findings
 * or severity) throws, so the task stays open and Tasklist shows the reason.
 */
@Component("recordQualityVerdict")
class RecordQualityVerdictListener implements TaskListener {

  private final QualityReviews reviews;
  private final IdentityService identityService;

  RecordQualityVerdictListener(QualityReviews reviews, IdentityService identityService) {
    this.reviews = reviews;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    QualityVerdict verdict =
        QualityVerdict.of(data.string(QUALITY_VERDICT), data.string(QUALITY_FINDINGS), data.string(FINDING_SEVERITY));
    String reviewer = CompletingUser.of(task, identityService);
    Optional<CapaTrigger> capa = reviews.decide(data.string(REQUEST_ID), data.integer(REVIEW_ROUND), verdict, reviewer);
    task.setVariable(CAPA_REQUIRED, capa.isPresent());
    task.setVariable(CAPA_TRIGGER, capa.map(Enum::name).orElse(null));
  }
}
