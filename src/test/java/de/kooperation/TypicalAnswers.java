package de.kooperation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.task.Task;

import de.kooperation.form.FormRules;
import de.kooperation.shared.Zone;

/**
 * What a careful user would enter in a task's Camunda Form, derived from the form itself: every
 * field gets a valid value (dates today or, for deadlines, in four months; the first option of
 * a selection; checkboxes off). Tests pass the decisions that steer the process as overrides.
 */
public final class TypicalAnswers {

	private TypicalAnswers() {
	}

	static Map<String, Object> forTask(Scenario scenario, FormRules rules, Task task, Map<String, Object> overrides) {
		UserTask userTask = scenario.engine().getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		String formId = userTask.getCamundaFormRef();
		Map<String, Object> answers = forForm(rules, formId);
		// a decision goes with the form that asks it, as in Tasklist; what no form asks goes with every completion
		List<String> asked = rules.fieldKeys(formId);
		overrides.forEach((key, value) -> {
			if (asked.contains(key) || !rules.isFieldOfAnyForm(key)) {
				answers.put(key, value);
			}
		});
		return answers;
	}

	/** A valid answer for every field of the form, in form order. */
	public static Map<String, Object> forForm(FormRules rules, String formId) {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		Map<String, Object> answers = new LinkedHashMap<>();
		for (FormRules.Field field : rules.fields(formId)) {
			Object value = switch (field.type()) {
				case "datetime" -> deadline(field.key()) ? today.plusMonths(4).toString() : today.toString();
				case "checkbox" -> false;
				case "number" -> 1L;
				case "select", "radio" -> field.values().isEmpty() ? null : field.values().get(0);
				default -> text(field);
			};
			if (value != null) {
				answers.put(field.key(), value);
			}
		}
		return answers;
	}

	private static boolean deadline(String key) {
		return key.endsWith("Due") || key.endsWith("End");
	}

	private static String text(FormRules.Field field) {
		String key = field.key();
		if (key.endsWith("Time")) {
			return "10:00";
		}
		if (key.endsWith("Link")) {
			return "https://dokumente.example.org/" + key;
		}
		if (key.equals("planDecisions")) {
			// the meeting decided nothing about the Kommune's own plan
			return "";
		}
		if (key.equals("baselineAnalysisExpertSelection")) {
			return "Carla Berg; Sozialplanerin; carla.berg@example.org";
		}
		return "Eintrag für " + key;
	}

}
