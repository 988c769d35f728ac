package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.RESULT_REPORT_RECEIVED_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Records when the Kommune confirmed it received the result report (milestone "Bedarfsanalyse"). */
@Component("resultReportReceiptListener")
class ResultReportReceiptListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.getExecution().setVariable(RESULT_REPORT_RECEIVED_AT, ClockUtil.getCurrentTime());
	}

}
