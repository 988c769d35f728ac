package de.kooperation.agreement;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.system.ParseListeners;

/**
 * Closes milestones when the task that fulfils them is completed: every user task that a
 * milestone can be linked to ({@link MilestoneTasks}) gets a completion listener that closes the
 * open milestones of the Kommune's Zielvereinbarung in force naming that task. Closed milestones
 * get no further reminders. The signing tasks are left to {@link SigningDelegate}, which closes
 * theirs once both sides have signed and the new version is in force.
 */
@Component
class MilestoneFulfilmentPlugin extends AbstractProcessEnginePlugin {

	/** Multi-instance counters of the engine: of a task per expert only the last one counts. */
	static final ProcessVariable<Integer> INSTANCES = ProcessVariable.integer("nrOfInstances");

	static final ProcessVariable<Integer> COMPLETED_INSTANCES = ProcessVariable.integer("nrOfCompletedInstances");

	private final Agreements agreements;

	MilestoneFulfilmentPlugin(Agreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				Optional<MilestoneTasks.Option> option = MilestoneTasks.option(activity.getId());
				if (option.isPresent() && !MilestoneTasks.signing(activity.getId())) {
					((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new Fulfilment(option.get()));
				}
			}
		});
	}

	private final class Fulfilment implements TaskListener {

		private final MilestoneTasks.Option option;

		private Fulfilment(MilestoneTasks.Option option) {
			this.option = option;
		}

		@Override
		public void notify(DelegateTask task) {
			String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
			if (municipalityId == null || !fulfilled(task)) {
				return;
			}
			agreements.closeMilestonesFulfilledBy(municipalityId, Set.of(option.taskKey()), userId(task));
		}

		private boolean fulfilled(DelegateTask task) {
			if (option.unlessTrue() != null && option.unlessTrue().from(task).orElse(false)) {
				return false;
			}
			// the engine counts a completed instance after this listener: the last one sees n - 1
			Integer total = INSTANCES.from(task.getExecution()).orNull();
			Integer done = COMPLETED_INSTANCES.from(task.getExecution()).orNull();
			return total == null || done == null || done + 1 >= total;
		}

	}

	private static String userId(DelegateTask task) {
		return task.getAssignee() != null ? task.getAssignee() : SigningDelegate.authenticatedUser();
	}

}
