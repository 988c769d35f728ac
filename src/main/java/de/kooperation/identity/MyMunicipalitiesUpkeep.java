package de.kooperation.identity;


import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.system.ParseListeners;

/**
 * Keeps each transfer manager's filter "Meine Kommunen" ({@link TaskFilters}) in step with the
 * collaborations: when a collaboration starts, its Kommune joins the filter of the transfer manager
 * it names and leaves anyone else's (engine plugin: a start listener on the collaboration process,
 * after the model's own, which sets the business key). A collaboration that ends may stay listed: it
 * has no open tasks, and the next start of the application lists only running ones again.
 */
@Component
class MyMunicipalitiesUpkeep extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskFilters> filters;

	/** The filters need the engine's services, so they are looked up when a collaboration starts. */
	MyMunicipalitiesUpkeep(ObjectProvider<TaskFilters> filters) {
		this.filters = filters;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				if (CollaborationProcess.KEY.equals(processDefinition.getKey())) {
					processDefinition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
						Object transferManager = execution.getVariable(CollaborationProcess.Vars.TRANSFER_MANAGER);
						String municipalityId = execution.getProcessBusinessKey();
						// the starting user may not read or change other people's filters
						Context.getCommandContext().runWithoutAuthorization(() -> {
							filters.getObject().collaborationStarted(municipalityId,
									transferManager == null ? null : transferManager.toString());
							return null;
						});
					});
				}
			}
		});
	}

}
