package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.RESULT_REPORT_RECEIVED_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Records when the Kommune confirmed it received the result report (milestone "Bedarfsanalyse"). */
@Component("resultReportReceiptListener")
class ResultReportReceiptListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		RESULT_REPORT_RECEIVED_AT.on(task.getExecution()).set(ClockUtil.getCurrentTime());
	}

}
