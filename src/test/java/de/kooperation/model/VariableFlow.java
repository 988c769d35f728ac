package de.kooperation.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import de.kooperation.shared.CalledProcessVariables;

/**
 * Which variables exist when a sequence flow is taken: those the forms of the user tasks
 * completed before it set (found by walking the flows backwards), output parameters and result
 * variables of earlier elements, what earlier called processes return, what the calling process
 * passes in, and the {@link KnownVariables} set by code.
 */
final class VariableFlow {

	static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;

	/** Set by the engine in every instance of a multi-instance activity. */
	static final Set<String> MULTI_INSTANCE_VARIABLES = Set.of("loopCounter", "nrOfInstances",
			"nrOfActiveInstances", "nrOfCompletedInstances");

	private final Project project;

	private final Map<String, Process> processes;

	VariableFlow(Project project) {
		this.project = project;
		this.processes = project.processesByKey();
	}

	/** Variables that may be read in the condition of this flow. */
	Set<String> availableAt(SequenceFlow flow) {
		Set<String> variables = new TreeSet<>(entry(processOf(flow).getId(), new HashSet<>()));
		for (FlowNode node : completedBefore(flow.getSource(), true)) {
			variables.addAll(providedBy(node, new HashSet<>()));
		}
		for (ModelElementInstance scope = flow.getParentElement(); scope != null; scope = scope.getParentElement()) {
			if (scope instanceof Activity activity
					&& activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multiInstance) {
				// inside a multi-instance sub-process: the element variable and the engine's loop counters
				if (multiInstance.getCamundaElementVariable() != null) {
					variables.add(multiInstance.getCamundaElementVariable());
				}
				variables.addAll(MULTI_INSTANCE_VARIABLES);
			}
		}
		return variables;
	}

	/** Nodes that have completed whenever this node is reached (or completed, if {@code includeNode}). */
	static Set<FlowNode> completedBefore(FlowNode node, boolean includeNode) {
		Set<FlowNode> completed = new LinkedHashSet<>();
		if (includeNode) {
			completed.add(node);
		}
		Set<FlowNode> visited = new HashSet<>();
		Deque<FlowNode> queue = new ArrayDeque<>(List.of(node));
		while (!queue.isEmpty()) {
			FlowNode current = queue.poll();
			if (!visited.add(current)) {
				continue;
			}
			for (SequenceFlow incoming : incoming(current)) {
				completed.add(incoming.getSource());
				queue.add(incoming.getSource());
			}
			if (current instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
				// the activity was interrupted: what ran before it, and inside it, may have completed
				Activity activity = boundary.getAttachedTo();
				if (activity instanceof SubProcess) {
					completed.addAll(deepFlowNodes(activity));
				}
				queue.add(activity);
			}
			if (current instanceof StartEvent && current.getParentElement() instanceof SubProcess subProcess) {
				if (subProcess.triggeredByEvent()) {
					// an event sub-process may start at any time: anything in its scope may have run
					ModelElementInstance scope = subProcess.getParentElement();
					for (FlowNode other : deepFlowNodes(scope)) {
						if (other != subProcess && !deepFlowNodes(subProcess).contains(other)) {
							completed.add(other);
						}
					}
					if (scope instanceof SubProcess enclosing) {
						queue.add(enclosing);
					}
				}
				else {
					queue.add(subProcess);
				}
			}
		}
		return completed;
	}

	/** Variables set when this node completes. */
	Set<String> providedBy(FlowNode node, Set<String> calledStack) {
		Set<String> variables = new TreeSet<>();
		FormFile form = project.form(node.getAttributeValueNs(CAMUNDA, "formRef"));
		if (form != null) {
			variables.addAll(form.variables());
		}
		String resultVariable = node.getAttributeValueNs(CAMUNDA, "resultVariable");
		if (resultVariable != null && !resultVariable.isBlank()) {
			variables.add(resultVariable);
		}
		for (CamundaInputOutput io : extensions(node, CamundaInputOutput.class)) {
			for (CamundaOutputParameter output : io.getCamundaOutputParameters()) {
				variables.add(output.getCamundaName());
			}
		}
		if (node instanceof CallActivity call) {
			if (call.getCamundaVariableMappingDelegateExpression() != null) {
				// CalledProcessVariables: what the called process created or changed comes back
				variables.addAll(producedBy(call.getCalledElement(), calledStack));
			}
			for (CamundaOut out : extensions(call, CamundaOut.class)) {
				if ("all".equals(out.getCamundaVariables())) {
					variables.addAll(producedBy(call.getCalledElement(), calledStack));
				}
				if (out.getCamundaTarget() != null) {
					variables.add(out.getCamundaTarget());
				}
			}
		}
		if (node instanceof SubProcess subProcess && !subProcess.triggeredByEvent()) {
			for (FlowNode inner : deepFlowNodes(subProcess)) {
				variables.addAll(providedBy(inner, calledStack));
			}
		}
		return variables;
	}

	/** Variables any element of a process sets (what {@code camunda:out variables="all"} returns). */
	Set<String> producedBy(String processKey, Set<String> calledStack) {
		Set<String> variables = new TreeSet<>();
		Process process = processes.get(processKey);
		if (process == null || !calledStack.add(processKey)) {
			return variables;
		}
		for (FlowNode node : deepFlowNodes(process)) {
			variables.addAll(providedBy(node, calledStack));
		}
		calledStack.remove(processKey);
		return variables;
	}

	/** Variables a process has when it starts: known ones plus what its callers pass in. */
	Set<String> entry(String processKey, Set<String> callerStack) {
		Set<String> variables = new TreeSet<>(KnownVariables.SET_BY_CODE.keySet());
		if (!callerStack.add(processKey)) {
			return variables;
		}
		for (Process caller : processes.values()) {
			for (FlowNode node : deepFlowNodes(caller)) {
				if (!(node instanceof CallActivity call) || !processKey.equals(call.getCalledElement())) {
					continue;
				}
				for (CamundaIn in : extensions(call, CamundaIn.class)) {
					if ("all".equals(in.getCamundaVariables())) {
						Set<String> given = new TreeSet<>(entry(caller.getId(), callerStack));
						for (FlowNode before : completedBefore(call, false)) {
							given.addAll(providedBy(before, new HashSet<>()));
						}
						if (call.getCamundaVariableMappingDelegateExpression() != null) {
							// CalledProcessVariables passes only the variables declared for the called process
							given.removeIf(name -> !CalledProcessVariables.given(processKey, name));
						}
						variables.addAll(given);
					}
					if (in.getCamundaTarget() != null) {
						variables.add(in.getCamundaTarget());
					}
				}
			}
		}
		callerStack.remove(processKey);
		return variables;
	}

	/** Flows into a node by their targetRef, as the engine sees them (bpmn:incoming is optional). */
	static List<SequenceFlow> incoming(FlowNode node) {
		return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
			.filter(flow -> flow.getTarget() == node)
			.toList();
	}

	/** All flow nodes inside a process or sub-process, nested ones included. */
	static List<FlowNode> deepFlowNodes(ModelElementInstance scope) {
		List<FlowNode> nodes = new ArrayList<>();
		Collection<FlowElement> children = scope instanceof Process process ? process.getFlowElements()
				: scope instanceof SubProcess subProcess ? subProcess.getFlowElements() : List.of();
		for (FlowElement child : children) {
			if (child instanceof FlowNode node) {
				nodes.add(node);
			}
			if (child instanceof SubProcess subProcess) {
				nodes.addAll(deepFlowNodes(subProcess));
			}
		}
		return nodes;
	}

	static Process processOf(ModelElementInstance element) {
		ModelElementInstance current = element;
		while (current != null && !(current instanceof Process)) {
			current = current.getParentElement();
		}
		return (Process) current;
	}

	static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
		if (element.getExtensionElements() == null) {
			return List.of();
		}
		return element.getExtensionElements().getElementsQuery().filterByType(type).list();
	}

}
