package de.kooperation.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.springframework.stereotype.Component;

import de.kooperation.system.CommandArguments;
import de.kooperation.system.UserCommandGuard;

/**
 * What a logged-in user asks the engine to do with a task is checked against what they may see and
 * do, also where the engine itself does not check: on every channel (/engine-rest, its
 * /engine/default variant, the webapps' API, the Java API used with a user) alike, because the
 * check sits in the engine's command chain, not at a URL.
 * <ul>
 * <li>Comments and attachments exist for the caller only with a task they can see; another
 * Kommune's are answered as unknown (no existence oracle), and so is deleting another's task.</li>
 * <li>A claim is for oneself, unless the caller may hand tasks on (TASK_ASSIGN).</li>
 * <li>A task is left through its form: BPMN errors and escalations from outside are refused unless
 * the model catches them at that task (none of ours does).</li>
 * <li>Signals are for the administration only: no model of ours waits for one from a user.</li>
 * </ul>
 * Commands our own code runs without a logged-in user (start-up, jobs) and commands nested inside
 * another are not touched.
 */
@Component
class TaskActionGuard extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserCommandGuard.register(configuration, new Guard(configuration));
	}

	private static final class Guard extends UserCommandGuard {

		Guard(ProcessEngineConfigurationImpl engine) {
			super(engine);
		}

		@Override
		@SuppressWarnings("unchecked")
		protected <T> T guard(Command<T> command, Authentication caller) {
			if (isAdmin(caller)) {
				return next.execute(command);
			}
			if (command instanceof GetTaskCommentCmd || command instanceof GetTaskAttachmentCmd
					|| command instanceof GetTaskAttachmentContentCmd) {
				return visibleTask(CommandArguments.of(command, "taskId")) ? next.execute(command) : null;
			}
			if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskAttachmentsCmd) {
				return visibleTask(CommandArguments.of(command, "taskId")) ? next.execute(command) : (T) List.of();
			}
			if (command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd) {
				return visibleAttachment(CommandArguments.of(command, "attachmentId")) ? next.execute(command) : null;
			}
			if (command instanceof DeleteAttachmentCmd) {
				String taskId = CommandArguments.of(command, "taskId");
				String attachmentId = CommandArguments.of(command, "attachmentId");
				boolean visible = taskId != null && !taskId.isBlank() ? visibleTask(taskId) : visibleAttachment(attachmentId);
				if (!visible) {
					throw new NullValueException("Diesen Anhang gibt es nicht.");
				}
				return next.execute(command);
			}
			if (command instanceof CreateAttachmentCmd) {
				String taskId = CommandArguments.of(command, "taskId");
				if (taskId != null && !visibleTask(taskId)) {
					throw new NullValueException("Diese Aufgabe gibt es nicht.");
				}
				return next.execute(command);
			}
			if (command instanceof DeleteTaskCmd) {
				String taskId = CommandArguments.of(command, "taskId");
				// another's task is answered like an unknown one: nothing to delete
				return taskId == null || visibleTask(taskId) ? next.execute(command) : null;
			}
			if (command instanceof ClaimTaskCmd) {
				checkClaim(CommandArguments.of(command, "taskId"), CommandArguments.of(command, "userId"), caller);
				return next.execute(command);
			}
			if (command instanceof HandleTaskBpmnErrorCmd) {
				checkCaught(CommandArguments.of(command, "taskId"), ErrorEventDefinition.class);
				return next.execute(command);
			}
			if (command instanceof HandleTaskEscalationCmd) {
				checkCaught(CommandArguments.of(command, "taskId"), EscalationEventDefinition.class);
				return next.execute(command);
			}
			if (command instanceof SignalEventReceivedCmd signal) {
				SignalEventReceivedBuilderImpl builder = CommandArguments.of(signal, "builder");
				throw new AuthorizationException("Signale (\"" + builder.getSignalName()
						+ "\") sendet nur die Administration.");
			}
			return next.execute(command);
		}

		/** A claim names the caller, or the caller may hand the task on. */
		private void checkClaim(String taskId, String userId, Authentication caller) {
			if (userId == null || userId.equals(caller.getUserId()) || taskId == null) {
				return;
			}
			boolean mayAssign = engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
					Permissions.TASK_ASSIGN, Resources.TASK, taskId)
					|| engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
							Permissions.UPDATE, Resources.TASK, taskId);
			if (!mayAssign) {
				if (!visibleTask(taskId)) {
					throw new NullValueException("Diese Aufgabe gibt es nicht.");
				}
				throw new AuthorizationException("Sie können eine Aufgabe nur selbst übernehmen, "
						+ "nicht für jemand anderen.");
			}
		}

		/** Refuses a BPMN error or escalation the model does not catch at this task. */
		private void checkCaught(String taskId, Class<? extends EventDefinition> kind) {
			Task task = taskId == null ? null : engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				// the engine's own answer for an unknown or invisible task (404)
				return;
			}
			if (task.getProcessDefinitionId() != null) {
				BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
				boolean caught = model.getModelElementsByType(BoundaryEvent.class).stream()
					.filter(event -> event.getAttachedTo() != null && task.getTaskDefinitionKey().equals(event.getAttachedTo().getId()))
					.anyMatch(event -> event.getEventDefinitions().stream().anyMatch(kind::isInstance));
				if (caught) {
					return;
				}
			}
			throw new BadUserRequestException("Die Aufgabe „" + task.getName()
					+ "“ wird über ihr Formular abgeschlossen; auf diesem Weg kann sie nicht beendet werden. Es wurde nichts gespeichert.");
		}

		private boolean visibleTask(String taskId) {
			if (taskId == null) {
				return false;
			}
			return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
					|| engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
		}

		private boolean visibleAttachment(String attachmentId) {
			if (attachmentId == null) {
				return false;
			}
			// nested: the engine's own lookup, not this check
			Attachment attachment = engine.getCommandExecutorTxRequired().execute(new GetAttachmentCmd(attachmentId));
			if (attachment == null) {
				return false;
			}
			if (attachment.getTaskId() != null) {
				return visibleTask(attachment.getTaskId());
			}
			return attachment.getProcessInstanceId() != null && engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceId(attachment.getProcessInstanceId()).count() > 0;
		}

		private static boolean isAdmin(Authentication caller) {
			return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
		}

	}

}
