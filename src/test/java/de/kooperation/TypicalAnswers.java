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
import de.kooperation.form.Rows;

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
		// a list the task prepared (one row per selected expert): kept, its days left open ("Termin folgt")
		rules.fields(formId).stream().filter(field -> FormRules.DYNAMIC_LIST.equals(field.type()) && !answers.containsKey(field.key()))
			.forEach(list -> {
				List<Map<String, Object>> rows = Rows.of(scenario.tasks().getVariable(task.getId(), list.key()));
				if (rows != null && !rows.isEmpty()) {
					rows.forEach(row -> row.put("dateOpen", true));
					answers.put(list.key(), Rows.toVariable(rows));
				}
			});
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
				case FormRules.DYNAMIC_LIST -> rows(field);
				default -> text(field);
			};
			if (value != null) {
				answers.put(field.key(), value);
			}
		}
		return answers;
	}

	/**
	 * One row of a dynamic list: the experts' lists name one person; the interview schedule's rows come
	 * from the selection when its task is created, so none is typed (the form's own rows are kept).
	 */
	private static Object rows(FormRules.Field list) {
		if (list.key().equals("baselineAnalysisInterviewSchedule")) {
			return null;
		}
		if (list.key().startsWith("baselineAnalysisExpert")) {
			return Rows.toVariable(List.of(Map.of("name", "Carla Berg", "role", "Sozialplanerin", "email", "carla.berg@example.org")));
		}
		Map<String, Object> row = new LinkedHashMap<>();
		list.rowFields().forEach(field -> row.put(field.key(), "Eintrag für " + field.key()));
		return Rows.toVariable(List.of(row));
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
		return "Eintrag für " + key;
	}

}
