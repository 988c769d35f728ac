package de.kooperation.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess.Typed;
import de.kooperation.shared.PartyGroups;
import de.kooperation.system.ParseListeners;

/**
 * Adds a completion check to every user task that has a Camunda Form: the form's own rules
 * (required, length, pattern, e-mail, number range, date) are checked again on the server, and
 * the shared variables (whose collaboration, which groups) must not change.
 * A failed check refuses the completion (HTTP 400 over REST, a message in Tasklist) and the
 * transaction rolls back, so nothing moves.
 */
@Component
class ServerSideFormValidationPlugin extends AbstractProcessEnginePlugin {

	private final FormRules rules;

	ServerSideFormValidationPlugin(FormRules rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				String formRef = userTaskElement.attributeNS(
						BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
				if (formRef == null || formRef.contains("$")) {
					return;
				}
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				// built-in: runs before the model's own complete listeners (which may write bad input
				// into our tables) and also when a caller skips custom listeners
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new FormCheck(formRef));
			}
		});
	}

	/**
	 * The shared variables say whose collaboration this is and which groups get its tasks; a
	 * completion that sends other values (another Kommune's group, say) is refused.
	 */
	static List<String> changedSharedVariables(DelegateTask task, Map<String, Object> variables) {
		String id = Typed.MUNICIPALITY_ID.from(variables).orNull();
		if (id == null) {
			return List.of();
		}
		String businessKey = task.getExecution().getProcessBusinessKey();
		boolean changed = (businessKey != null && !businessKey.equals(id))
				|| differs(Typed.MUNICIPALITY_GROUP.from(variables).orNull(), PartyGroups.municipalityContacts(id))
				|| differs(Typed.MUNICIPALITY_LEADERSHIP_GROUP.from(variables).orNull(), PartyGroups.municipalityLeadership(id));
		return changed ? List.of("Die Kommune der Kooperation und ihre Gruppen können nicht geändert werden.") : List.of();
	}

	private static boolean differs(String value, String expected) {
		return value != null && !expected.equals(value);
	}

	private final class FormCheck implements TaskListener {

		private final String formId;

		private FormCheck(String formId) {
			this.formId = formId;
		}

		@Override
		public void notify(DelegateTask task) {
			Map<String, Object> variables;
			try {
				variables = task.getVariables();
			}
			catch (RuntimeException unreadable) {
				// a Json variable (a form's list of rows) that is no JSON at all: only a hand-made request sends that
				throw new FormFieldValidationException(formId, "Die Aufgabe „" + task.getName()
						+ "“ kann nicht abgeschlossen werden: Eine Angabe ist kein gültiges JSON. Es wurde nichts gespeichert.");
			}
			List<String> violations = new ArrayList<>(rules.violations(formId, variables));
			violations.addAll(changedSharedVariables(task, variables));
			if (!violations.isEmpty()) {
				// the exception type the engine's own form validators use: REST answers it with 400
				throw new FormFieldValidationException(formId,
						"Die Aufgabe „" + task.getName() + "“ kann nicht abgeschlossen werden: " + String.join(" ", violations));
			}
		}

	}

}
