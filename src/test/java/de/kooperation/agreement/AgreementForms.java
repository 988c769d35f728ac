package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Vars.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import de.kooperation.Scenario;

/** What the forms of agreement and revision send, as tests fill them in. */
final class AgreementForms {

	static final String LINK = "https://cloud.transferagentur.example/zv/teststadt.docx";

	private AgreementForms() {
	}

	/** What a drafting form sends (the same fields in every draft form); the goals are rows of the draft, not fields. */
	static Map<String, Object> draft() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(AGREEMENT_DOCUMENT_LINK, LINK);
		variables.put(AGREEMENT_PERIOD_START, "2026-04-01");
		variables.put(AGREEMENT_PERIOD_END, "2027-12-31");
		variables.put(AGREEMENT_MUNICIPALITY_CONTACTS, "Brigitte Immel, Leiterin Fachbereich Bildung");
		variables.put(AGREEMENT_AGENCY_CONTACTS, "Til Farke, Transfermanager");
		return variables;
	}

	/**
	 * The goals (separated by "; ") entered as the rows of the Kommune's draft, as on the draft page
	 * (its milestones kept), then what the drafting form sends.
	 */
	static Map<String, Object> draft(Agreements agreements, ProcessInstance instance, String goals) {
		String municipalityId = instance.getBusinessKey();
		AgreementVersion draft = agreements.openDraft(municipalityId);
		agreements.saveDraftContent(municipalityId, Arrays.stream(goals.split("; "))
			.map(Goal::titled).toList(),
				draft.milestones(), draft.municipalityDuties(), draft.agencyDuties());
		return draft();
	}

	/** The overview the review and signing forms show for goals without priority or time frame. */
	static String summary(String goals) {
		String[] titles = goals.split("; ");
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < titles.length; i++) {
			text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(titles[i]);
		}
		return text.toString();
	}

	static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
		Map<String, Object> copy = new HashMap<>(variables);
		copy.put(name, value);
		return copy;
	}

	static Map<String, Object> approve(String changesRequestedVariable) {
		return Map.of(changesRequestedVariable, false);
	}

	static Map<String, Object> requestChanges(String changesRequestedVariable, String changeRequestsVariable, String requests) {
		return Map.of(changesRequestedVariable, true, changeRequestsVariable, requests);
	}

	static Map<String, Object> sign(String dateVariable, String date, String signatoryVariable, String signatory) {
		return Map.of(dateVariable, date, signatoryVariable, signatory);
	}

	static List<String> candidateGroups(Scenario scenario, Task task) {
		return scenario.tasks().getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
