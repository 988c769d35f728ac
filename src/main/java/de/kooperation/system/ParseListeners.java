package de.kooperation.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** For engine plugins that hang listeners on the models while they are parsed (after the engine's own). */
public final class ParseListeners {

	private ParseListeners() {
	}

	/** Adds the listener to those the engine calls after its own parsing of each BPMN model. */
	public static void addAfterEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(listener);
	}

}
