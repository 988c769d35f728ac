package de.kooperation.overview;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.Zone;

/**
 * What the funder's agency (Projektträger) is owed for a collaboration (Berichtspflicht): the
 * Kommune, the time frame, how it ended, the phases passed, how many interviews and meetings
 * took place, the maturity profile of the Standortbestimmung. Built from counts, dates and
 * fixed names only: no free text typed by users and nothing about interviewees (names,
 * functions, e-mail addresses, appointments, notes).
 *
 * <p>The per-Kommune half of the funder report; {@link FunderExport} is the same report for all
 * Kommunen at once. Both take the phase from {@link CollaborationFacts} and the version of the
 * Zielvereinbarung from {@link Agreements}, so they never name two phases or two versions for one
 * Kommune ({@code FunderReportsAgreeTests}).
 */
@Service
class FunderReport {

	private final HistoryService historyService;

	private final CollaborationFacts facts;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	FunderReport(HistoryService historyService, CollaborationFacts facts, MunicipalityRepository municipalities,
			Agreements agreements) {
		this.historyService = historyService;
		this.facts = facts;
		this.municipalities = municipalities;
		this.agreements = agreements;
	}

	/** The report of the Kommune's latest collaboration (running or ended), if it ever had one. */
	Optional<Map<String, Object>> of(String municipalityId) {
		return historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.map(this::report);
	}

	private Map<String, Object> report(HistoricProcessInstance collaboration) {
		List<String> tree = historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(collaboration.getId()).list()
			.stream().map(HistoricProcessInstance::getId).toList();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("kommune", collaboration.getBusinessKey());
		report.put("name", latest(tree, CollaborationProcess.Vars.MUNICIPALITY_NAME));
		report.put("bundesland", latest(tree, CollaborationProcess.Vars.FEDERAL_STATE));
		report.put("beginn", day(collaboration.getStartTime()));
		report.put("foerderende", day(latest(tree, CollaborationProcess.Vars.FUNDING_END)));
		report.put("ende", day(collaboration.getEndTime()));
		report.put("status", status(collaboration, tree));
		report.put("phase", phase(collaboration.getBusinessKey()));
		report.put("fassungZielvereinbarung", versionInForce(collaboration.getBusinessKey()));
		report.put("abgeschlossenePhasen", phases(collaboration));
		report.put("gefuehrteInterviews", finished(tree, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW));
		report.put("reviewgespraeche", finished(tree, ImplementationProcess.Elements.RECORD_REVIEW_MEETING));
		report.put("strategiegespraeche", finished(tree, ImplementationProcess.Elements.RECORD_STRATEGY_MEETING));
		Map<String, Object> profile = new LinkedHashMap<>();
		for (CoreElement element : CoreElement.values()) {
			Object type = latest(tree, BaselineAnalysisProcess.Vars.assessment(element));
			profile.put(element.label(), type == null ? null : "Typ " + type);
		}
		report.put("standortbestimmung", profile);
		return report;
	}

	/** The phase as the overview and the export name it, from the same queries (for this one Kommune). */
	private String phase(String municipalityId) {
		Municipality municipality = municipalities.findById(municipalityId)
			.orElseGet(() -> new Municipality(municipalityId, municipalityId, null));
		return facts.summary(municipality).phase();
	}

	/**
	 * The number of the Zielvereinbarung's latest signed version, as the export lists the signings
	 * (the process variable may be older: a called revision keeps the number it was given).
	 */
	private Integer versionInForce(String municipalityId) {
		List<AgreementVersion> signed = agreements.signedVersions(municipalityId);
		return signed.isEmpty() ? null : signed.get(signed.size() - 1).number();
	}

	private String status(HistoricProcessInstance collaboration, List<String> tree) {
		if (collaboration.getEndTime() == null) {
			return "läuft";
		}
		String end = collaboration.getEndActivityId();
		if (CollaborationProcess.Elements.END_FUNDING.equals(end)) {
			return "Förderung beendet";
		}
		if (CollaborationProcess.Elements.END_NO_COLLABORATION.equals(end)) {
			return "keine Zusammenarbeit vereinbart";
		}
		Object by = latest(tree, CollaborationProcess.Vars.TERMINATED_BY);
		return by == null ? "beendet" : "gekündigt durch " + by;
	}

	/**
	 * The main process's steps passed, each with its phase (in the names of {@link CollaborationFacts#PHASES}),
	 * its name in the model (never a task's own name) and the day it was last completed; each step once. A step done again (a postponed Sondierung is
	 * completed as "verschoben" and comes back) counts only when its last run was completed: not
	 * while it is open again, nor when that run was cancelled by the end of the collaboration.
	 */
	private List<Map<String, Object>> phases(HistoricProcessInstance collaboration) {
		Map<String, HistoricActivityInstance> last = new LinkedHashMap<>();
		for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(collaboration.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			if ("userTask".equals(activity.getActivityType()) || "callActivity".equals(activity.getActivityType())) {
				last.remove(activity.getActivityId());
				last.put(activity.getActivityId(), activity);
			}
		}
		return last.values().stream()
			.filter(activity -> activity.getEndTime() != null && !activity.isCanceled())
			.sorted(Comparator.comparing(HistoricActivityInstance::getEndTime))
			.map(activity -> {
				Map<String, Object> phase = new LinkedHashMap<>();
				phase.put("phase", CollaborationFacts.phaseOfStep(activity.getActivityId()));
				phase.put("schritt", activity.getActivityName());
				phase.put("abgeschlossen", day(activity.getEndTime()));
				return phase;
			})
			.toList();
	}

	/** How often the step was completed: a task cancelled by the end of the collaboration did not take place. */
	private long finished(List<String> tree, String activityId) {
		return tree.stream()
			.mapToLong(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
				.activityId(activityId).finished().count()
					- historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId).canceled()
						.count())
			.sum();
	}

	/** The newest value of a variable anywhere in the collaboration's tree. */
	private Object latest(List<String> tree, String name) {
		return historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(tree.toArray(String[]::new))
			.variableName(name)
			.list()
			.stream()
			.max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
			.map(HistoricVariableInstance::getValue)
			.orElse(null);
	}

	private static String day(Object value) {
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneId.of(Zone.ID)).toString();
		}
		return value == null ? null : value.toString();
	}

}
