package de.kooperation.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.maturity.MaturityChart;
import de.kooperation.municipality.Municipality;

/**
 * The result report of the baseline analysis as a printable PDF (template ergebnisbericht): the
 * agreed topics, the Standortbestimmung as a table (the baseline analysis and the latest review
 * meetings) and as the chart of the Kommune's development, what the current types mean, and the
 * recommendations. The analysis' texts come from its latest run (history), so the report can be
 * printed while the analysis still runs and after it ended.
 */
@Component
class ResultReport {

	/** Columns of the assessment table: the first assessment and the latest ones. */
	static final int TABLE_COLUMNS = 5;

	/** Width of the chart on an A4 page with the template's margins, in CSS pixels. */
	static final int CHART_WIDTH = 640;

	/** What the baseline analysis recorded; any of it may still be missing. */
	record Analysis(boolean finished, String topics, String documentAnalysis, String recommendations, LocalDate reportDate,
			String reportLink, String feedback) {
	}

	private static final List<String> VARIABLES = List.of(Vars.ANALYSIS_TOPICS, Vars.DOCUMENT_ANALYSIS, Vars.RECOMMENDATIONS,
			Vars.RESULT_REPORT_DATE, Vars.RESULT_REPORT_LINK, Vars.RESULT_REPORT_FEEDBACK);

	private final HistoryService historyService;

	private final MaturityAssessments assessments;

	private final MaturityChart chart;

	private final PrintedPages pages;

	ResultReport(HistoryService historyService, MaturityAssessments assessments, MaturityChart chart, PrintedPages pages) {
		this.historyService = historyService;
		this.assessments = assessments;
		this.chart = chart;
		this.pages = pages;
	}

	byte[] pdf(Municipality municipality) {
		List<MaturityAssessment> all = assessments.of(municipality.id());
		Map<String, Object> model = new HashMap<>();
		model.put("municipality", municipality);
		model.put("analysis", analysis(municipality.id()).orElse(null));
		model.put("elements", CoreElement.values());
		model.put("columns", columns(all));
		model.put("latest", all.isEmpty() ? null : all.get(all.size() - 1));
		model.put("notes", all.stream().filter(assessment -> assessment.note() != null).toList());
		model.put("chart", chart.svg(all, CHART_WIDTH));
		model.put("today", CollaborationFacts.today());
		return pages.pdf("ergebnisbericht", model, "Ergebnisbericht");
	}

	/** The latest run of the baseline analysis of the Kommune, if it has started. */
	Optional<Analysis> analysis(String municipalityId) {
		Optional<HistoricProcessInstance> latest = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BaselineAnalysisProcess.KEY)
			.processInstanceBusinessKey(municipalityId)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(latest.get().getId())
			.variableNameIn(VARIABLES.toArray(String[]::new))
			.list()) {
			if (variable.getValue() != null && !variable.getValue().toString().isBlank()) {
				values.put(variable.getName(), variable.getValue());
			}
		}
		return Optional.of(new Analysis(latest.get().getEndTime() != null, text(values, Vars.ANALYSIS_TOPICS),
				text(values, Vars.DOCUMENT_ANALYSIS), text(values, Vars.RECOMMENDATIONS),
				BaselineAnalysisProcess.Typed.RESULT_REPORT_DATE.from(values).orNull(), text(values, Vars.RESULT_REPORT_LINK),
				text(values, Vars.RESULT_REPORT_FEEDBACK)));
	}

	/** The first assessment (the baseline) and the latest ones, at most {@value #TABLE_COLUMNS}. */
	static List<MaturityAssessment> columns(List<MaturityAssessment> all) {
		if (all.size() <= TABLE_COLUMNS) {
			return all;
		}
		List<MaturityAssessment> columns = new ArrayList<>();
		columns.add(all.get(0));
		columns.addAll(all.subList(all.size() - (TABLE_COLUMNS - 1), all.size()));
		return columns;
	}

	private static String text(Map<String, Object> values, String name) {
		Object value = values.get(name);
		return value == null ? null : value.toString();
	}

}
