package de.kooperation.form;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import de.kooperation.system.CommandArguments;
import de.kooperation.system.UserCommandGuard;

/**
 * A task is completed with the fields of its form and nothing else. Tasklist sends exactly those;
 * a caller of the REST API (any of its paths) or the webapps' API could add any variable of the
 * process (a later end of funding, another Kommune's group, a decision of a later step), and the
 * form check on completion cannot tell a sent variable from one the process already has. So every
 * completion, form submission, resolution, BPMN error or escalation that a logged-in user sends
 * with variables its task's form does not have is refused in the engine's command chain, before
 * the command runs: nothing is saved, whatever the path it came by.
 *
 * <p>Only for a task the caller can see (the lookup runs as the caller) with one of our Camunda
 * Forms; commands of our own code (no logged-in user, or nested in another command) pass.
 */
@Component
class FormFieldsOnlyGuard extends AbstractProcessEnginePlugin {

	private final FormRules rules;

	FormFieldsOnlyGuard(FormRules rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserCommandGuard.register(configuration, new Guard(configuration));
	}

	private final class Guard extends UserCommandGuard {

		Guard(ProcessEngineConfigurationImpl engine) {
			super(engine);
		}

		@Override
		protected <T> T guard(Command<T> command, Authentication caller) {
			if (sendsVariables(command)) {
				check(CommandArguments.of(command, "taskId"), variables(command));
			}
			return next.execute(command);
		}

		private void check(String taskId, Map<String, ?> sent) {
			if (taskId == null || sent == null || sent.isEmpty()) {
				return;
			}
			Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
			String formId = task == null || task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
			if (formId == null || !rules.knows(formId)) {
				return;
			}
			List<String> fields = rules.fieldKeys(formId);
			List<String> foreign = sent.keySet().stream().filter(name -> !fields.contains(name)).map(FormRules::abbreviate).toList();
			if (foreign.isEmpty()) {
				return;
			}
			throw new FormFieldValidationException(formId, "Die Aufgabe „" + task.getName() + "“ kann so nicht abgeschlossen werden: "
					+ (foreign.size() == 1 ? "„" + foreign.get(0) + "“ ist kein Feld ihres Formulars."
							: "„" + String.join("“, „", foreign) + "“ sind keine Felder ihres Formulars.")
					+ " Es wurde nichts gespeichert.");
		}

	}

	private static boolean sendsVariables(Command<?> command) {
		return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof HandleTaskBpmnErrorCmd
				|| command instanceof HandleTaskEscalationCmd;
	}

	private static Map<String, ?> variables(Command<?> command) {
		return CommandArguments.of(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
	}

}
