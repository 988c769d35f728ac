package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Vars.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import de.kooperation.Scenario;

/** What the forms of agreement and revision send, as tests fill them in. */
final class AgreementForms {

	static final String LINK = "https://cloud.transferagentur.example/zv/teststadt.docx";

	private AgreementForms() {
	}

	/** A complete draft (the same fields in every draft form). */
	static Map<String, Object> draft(String goals) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(AGREEMENT_DOCUMENT_LINK, LINK);
		variables.put(AGREEMENT_GOALS, goals);
		variables.put(AGREEMENT_MILESTONES, "Bedarfsanalyse 10/2026 bis 2/2027; Diskurs 2/2027 bis 5/2027");
		variables.put(AGREEMENT_PERIOD_START, "2026-04-01");
		variables.put(AGREEMENT_PERIOD_END, "2027-12-31");
		variables.put(AGREEMENT_MUNICIPALITY_CONTACTS, "Brigitte Immel, Leiterin Fachbereich Bildung");
		variables.put(AGREEMENT_AGENCY_CONTACTS, "Til Farke, Transfermanager");
		return variables;
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
