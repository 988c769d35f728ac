package de.kooperation.model;

import static de.kooperation.model.VariableFlow.CAMUNDA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import de.kooperation.shared.CalledProcessVariables;
import de.kooperation.shared.PartyGroups;
import de.kooperation.reminder.DueDates;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.MeetingKind;

/**
 * The checks of the model test. Each returns its violations, one sentence each, naming the file
 * and the element; an empty list means the check passed. They are plain functions of the
 * {@link Project}, so fixtures can show that each one really rejects a broken model.
 */
final class ModelChecks {

	/** Elements whose text may be an expression calling a bean (sequence flow conditions: see conditionVariables). */
	private static final Set<String> TEXT_EXPRESSIONS = Set.of("timeDate", "timeDuration", "timeCycle",
			"completionCondition", "loopCardinality", "inputParameter", "outputParameter");

	/** A call naming a meeting kind: bean, method and the kind (null when it is no single literal). */
	private static final Pattern MEETING_CALL = Pattern.compile(
			"(meetingInvitations|meetingTasks)\\s*\\.\\s*(\\w+)\\s*\\(\\s*(?:task|execution)\\s*,\\s*(?:'([^']*)'\\s*\\)|[^)]*\\))");

	/** The interval variable a loop's calendar call names. */
	private static final Pattern INTERVAL_CALL = Pattern
		.compile("implementationCalendar\\s*\\.\\s*\\w+\\s*\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");

	/** The due-date stage of {@code ${dueDates.of(execution, 'stage')}}. */
	private static final Pattern DUE_STAGE = Pattern.compile("dueDates\\s*\\.\\s*of\\s*\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");

	private final Project project;

	private Map<Path, String> mainSources;

	private Map<Path, String> code;

	private final VariableFlow variables;

	/** Called process key -> the variables its callers give it (see calledProcessVariables). */
	private final Function<String, Set<String>> given;

	/** {@code getVariable(X)}, {@code setVariableLocal(X, ...)}: the name or constant a listener reads or writes. */
	private static final Pattern VARIABLE_ACCESS = Pattern
		.compile("\\b(get|set)Variable(?:Local)?(?:Typed)?\\s*\\(\\s*(\"[^\"]*\"|[\\w.]+)\\s*[,)]");

	/** {@code X.from(scope)} (reads), {@code X.on(scope).set(...)} (writes): a typed variable of a holder. */
	private static final Pattern TYPED_ACCESS = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\s*\\.\\s*(from\\w*|on)\\s*\\(");

	private static final Pattern STRING_CONSTANT = Pattern
		.compile("\\bstatic\\s+final\\s+String\\s+(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([\\w.]+))\\s*;");

	ModelChecks(Project project) {
		this(project, CalledProcessVariables::givenTo);
	}

	ModelChecks(Project project, Function<String, Set<String>> given) {
		this.project = project;
		this.variables = new VariableFlow(project);
		this.given = given;
	}

	/** The file is a BPMN model the engine can read. */
	List<String> readable(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			violations.add(file.fileName() + ": cannot be read as BPMN: " + file.readError());
		}
		else if (file.processes().isEmpty()) {
			violations.add(file.fileName() + ": contains no process");
		}
		return violations;
	}

	/** Every process is executable and has a history time to live (the engine refuses it otherwise). */
	List<String> executable(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		for (Process process : file.processes()) {
			if (!process.isExecutable()) {
				violations.add(file.fileName() + ": process '" + process.getId() + "' is not executable (isExecutable=\"true\")");
			}
			String ttl = process.getCamundaHistoryTimeToLiveString();
			if (ttl == null || ttl.isBlank()) {
				violations.add(file.fileName() + ": process '" + process.getId() + "' has no camunda:historyTimeToLive");
			}
		}
		return violations;
	}

	/** Process keys are unique over all files (a duplicate would deploy as a new version of the other). */
	List<String> uniqueProcessKeys(List<ProcessFile> files) {
		Map<String, String> fileByKey = new HashMap<>();
		List<String> violations = new ArrayList<>();
		for (ProcessFile file : files) {
			for (Process process : file.processes()) {
				String other = fileByKey.putIfAbsent(process.getId(), file.fileName());
				if (other != null) {
					violations.add(file.fileName() + ": process key '" + process.getId() + "' is also the key in " + other);
				}
			}
		}
		return violations;
	}

	/**
	 * Every user task has a Camunda Form that exists, is offered to a candidate group or an
	 * assignee (never a hard-coded Kommune) and has a due date of a configured stage; every other
	 * formRef (start events) names an existing form too.
	 */
	List<String> userTasks(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		for (UserTask task : file.model().getModelElementsByType(UserTask.class)) {
			String where = file.fileName() + ": user task '" + task.getId() + "' ";
			String formRef = task.getCamundaFormRef();
			if (blank(formRef)) {
				violations.add(where + "has no camunda:formRef"
						+ (blank(task.getCamundaFormKey()) ? "" : " (it uses camunda:formKey; use a Camunda Form)"));
			}
			String groups = task.getCamundaCandidateGroups();
			if (blank(groups) && blank(task.getCamundaAssignee())) {
				violations.add(where + "has neither camunda:candidateGroups nor camunda:assignee: nobody sees it");
			}
			if (!blank(groups)) {
				for (String group : task.getCamundaCandidateGroupsList()) {
					if (!Expressions.isExpression(group) && group.startsWith(PartyGroups.municipalityContacts(""))) {
						violations.add(where + "is offered to the hard-coded group '" + group
								+ "'; use ${municipalityGroup} or ${municipalityLeadershipGroup}");
					}
				}
			}
			String dueDate = task.getCamundaDueDate();
			if (blank(dueDate)) {
				violations.add(where + "has no camunda:dueDate (use ${dueDates.of(execution, '<stage>')})");
			}
			for (String stage : Expressions.dueDateStages(dueDate)) {
				if (!project.dueStages().contains(stage)) {
					violations.add(where + "uses the due-date stage '" + stage
							+ "', which application.yaml (kooperation.due.days) does not configure: it would silently fall back to the default; configured: "
							+ project.dueStages());
				}
			}
		}
		for (BaseElement element : file.model().getModelElementsByType(BaseElement.class)) {
			String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
			if (!blank(formRef) && !Expressions.isExpression(formRef) && project.form(formRef) == null) {
				violations.add(file.fileName() + ": " + element.getElementType().getTypeName() + " '" + element.getId()
						+ "' refers to the form '" + formRef + "', but no forms/*.form has that id");
			}
		}
		return violations;
	}

	/** Every element Cockpit and Modeler draw has a shape or an edge; an edge has at least two waypoints. */
	List<String> diagram(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		BpmnModelInstance model = file.model();
		if (model == null) {
			return violations;
		}
		Set<String> shapes = new LinkedHashSet<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			shapes.add(shape.getAttributeValue("bpmnElement"));
			if (shape.getBounds() == null) {
				violations.add(file.fileName() + ": shape '" + shape.getId() + "' has no bounds");
			}
		}
		Map<String, Integer> edges = new LinkedHashMap<>();
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			int waypoints = edge.getWaypoints().size();
			edges.put(edge.getAttributeValue("bpmnElement"), waypoints);
			// (the DI schema requires two already, so Bpmn.readModelFromFile refuses such a file)
			if (waypoints < 2) {
				violations.add(file.fileName() + ": edge '" + edge.getId() + "' of '" + edge.getAttributeValue("bpmnElement")
						+ "' has " + waypoints + " waypoint(s), needs at least 2");
			}
		}
		for (String referenced : shapesAndEdges(model)) {
			if (model.getModelElementById(referenced) == null) {
				violations.add(file.fileName() + ": the diagram draws '" + referenced + "', which the model does not contain");
			}
		}
		for (Class<? extends BaseElement> type : List.of(FlowNode.class, Participant.class, Lane.class, TextAnnotation.class,
				DataObjectReference.class, DataStoreReference.class)) {
			for (BaseElement element : model.getModelElementsByType(type)) {
				if (!shapes.contains(element.getId())) {
					violations.add(file.fileName() + ": " + element.getElementType().getTypeName() + " '" + element.getId()
							+ "' has no diagram shape (BPMNShape)");
				}
			}
		}
		for (Class<? extends BaseElement> type : List.of(SequenceFlow.class, MessageFlow.class, Association.class)) {
			for (BaseElement element : model.getModelElementsByType(type)) {
				if (!edges.containsKey(element.getId())) {
					violations.add(file.fileName() + ": " + element.getElementType().getTypeName() + " '" + element.getId()
							+ "' has no diagram edge (BPMNEdge)");
				}
			}
		}
		return violations;
	}

	/**
	 * Every name is readable where Cockpit and Camunda Modeler draw it: a task's box is wide and high
	 * enough for its words (none cut in the middle), an event's or gateway's words fit the renderer's
	 * label width, long German compounds there carrying a soft hyphen (&#173;).
	 */
	List<String> readableNames(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		BpmnModelInstance model = file.model();
		if (model == null) {
			return violations;
		}
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			if (!(shape.getBpmnElement() instanceof FlowNode node) || node.getName() == null || node.getName().isBlank()
					|| shape.getBounds() == null) {
				continue;
			}
			String name = node.getName();
			if (node instanceof org.camunda.bpm.model.bpmn.instance.Activity) {
				if (Boolean.TRUE.equals(shape.isExpanded())) {
					continue;
				}
				if (!LabelWidths.fitsTask(name, shape.getBounds().getWidth(), shape.getBounds().getHeight())) {
					violations.add(file.fileName() + ": '" + name + "' (" + node.getId() + ") does not fit its box of "
							+ shape.getBounds().getWidth().intValue() + " × " + shape.getBounds().getHeight().intValue()
							+ " in Cockpit: widen the box (its widest word needs " + Math.round(LabelWidths.widestUnbreakable(name) + 14) + ")");
				}
			}
			else if (!LabelWidths.fitsExternalLabel(name)) {
				violations.add(file.fileName() + ": '" + name + "' (" + node.getId() + ") has a word wider than Cockpit's label ("
						+ (int) LabelWidths.EXTERNAL_LABEL_BOX + " px): put a soft hyphen (&#173;) between its parts");
			}
		}
		return violations;
	}

	private static List<String> shapesAndEdges(BpmnModelInstance model) {
		List<String> referenced = new ArrayList<>();
		model.getModelElementsByType(BpmnShape.class).forEach(shape -> referenced.add(shape.getAttributeValue("bpmnElement")));
		model.getModelElementsByType(BpmnEdge.class).forEach(edge -> referenced.add(edge.getAttributeValue("bpmnElement")));
		return referenced.stream().filter(id -> id != null).toList();
	}

	/** Every call activity calls a process defined in processes/. */
	List<String> calledElements(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		Set<String> keys = project.processesByKey().keySet();
		for (CallActivity call : file.model().getModelElementsByType(CallActivity.class)) {
			String called = call.getCalledElement();
			String where = file.fileName() + ": call activity '" + call.getId() + "' ";
			if (blank(called)) {
				violations.add(where + "has no calledElement");
			}
			else if (Expressions.isExpression(called)) {
				violations.add(where + "calls the expression '" + called + "'; call a fixed process key so it can be checked");
			}
			else if (!keys.contains(called) ) {
				violations.add(where + "calls '" + called + "', but no processes/*.bpmn defines a process with that id; known: " + keys);
			}
		}
		return violations;
	}

	/**
	 * Every variable a sequence flow's condition reads is set before: by the form of an earlier
	 * user task, by an earlier called process, by the calling process, or by code
	 * ({@link KnownVariables}).
	 */
	List<String> conditionVariables(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		for (SequenceFlow flow : file.model().getModelElementsByType(SequenceFlow.class)) {
			ConditionExpression condition = flow.getConditionExpression();
			if (condition == null || !blank(condition.getLanguage()) && !"juel".equalsIgnoreCase(condition.getLanguage())) {
				continue;
			}
			Set<String> available = null;
			for (String body : Expressions.bodies(condition.getTextContent())) {
				for (String read : Expressions.readVariables(body)) {
					if (project.beans().contains(read)) {
						continue;
					}
					if (available == null) {
						available = variables.availableAt(flow);
					}
					if (!available.contains(read)) {
						violations.add(file.fileName() + ": sequence flow '" + flow.getId() + "' (from '" + flow.getSource().getId()
								+ "') reads '" + read + "' in ${" + body.strip() + "}, but no form of an earlier user task sets it"
								+ " (nor an earlier called process, the calling process or KnownVariables)" + setElsewhere(file, read));
					}
				}
			}
		}
		return violations;
	}

	/** A hint where a variable is set after all, when that is not before the reading flow. */
	private String setElsewhere(ProcessFile file, String variable) {
		List<String> setters = new ArrayList<>();
		for (UserTask task : file.model().getModelElementsByType(UserTask.class)) {
			FormFile form = project.form(task.getCamundaFormRef());
			if (form != null && form.variables().contains(variable)) {
				setters.add("form '" + form.id() + "' of '" + task.getId() + "'");
			}
		}
		return setters.isEmpty() ? "" : "; " + String.join(", ", setters) + " sets it, but not before this flow";
	}

	/**
	 * A process that CalledProcessVariables gives its variables to takes only the ones declared there: every variable
	 * its expressions, its forms (FEEL and templates) and its listeners read and that it does not set itself is
	 * declared as given, and every declared one is set somewhere (a field of a form or a Vars constant of a process
	 * holder).
	 */
	List<String> calledProcessVariables(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		Set<String> known = knownVariableNames();
		for (Process process : file.processes()) {
			if (!givenByCalledProcessVariables(process.getId())) {
				continue;
			}
			Set<String> given = this.given.apply(process.getId());
			Set<String> own = ownVariables(file, process);
			reads(file, process).forEach((variable, reader) -> {
				if (!given.contains(variable) && !own.contains(variable)) {
					violations.add(file.fileName() + ": " + reader + " reads '" + variable + "', which '" + process.getId()
							+ "' neither sets itself nor is given by CalledProcessVariables");
				}
			});
			for (String variable : new TreeSet<>(given)) {
				if (!known.contains(variable)) {
					violations.add(file.fileName() + ": CalledProcessVariables gives '" + process.getId() + "' the variable '"
							+ variable + "', which no form sets and no process holder names");
				}
			}
		}
		return violations;
	}

	/** Whether a call activity calls the process with CalledProcessVariables (or a subclass) as its variable mapping. */
	private boolean givenByCalledProcessVariables(String key) {
		return project.processFiles().stream().filter(other -> other.model() != null)
			.flatMap(other -> other.model().getModelElementsByType(CallActivity.class).stream())
			.anyMatch(call -> key.equals(call.getCalledElement()) && call.getCamundaVariableMappingDelegateExpression() != null);
	}

	/** What a process sets itself: forms, outputs, what it calls returns, loop variables, input parameters, listeners. */
	private Set<String> ownVariables(ProcessFile file, Process process) {
		Set<String> own = new TreeSet<>(variables.producedBy(process.getId(), new HashSet<>()));
		own.addAll(VariableFlow.MULTI_INSTANCE_VARIABLES);
		own.addAll(KnownVariables.SET_BY_CALLED_PROCESS_CODE.keySet());
		for (MultiInstanceLoopCharacteristics multiInstance : process.getModelInstance()
			.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
			if (multiInstance.getCamundaElementVariable() != null && VariableFlow.processOf(multiInstance) == process) {
				own.add(multiInstance.getCamundaElementVariable());
			}
		}
		for (CamundaInputParameter input : process.getModelInstance().getModelElementsByType(CamundaInputParameter.class)) {
			if (VariableFlow.processOf(input) == process) {
				own.add(input.getCamundaName());
			}
		}
		for (String bean : beansUsedBy(file, process)) {
			own.addAll(listenerAccess(bean, "set"));
		}
		return own;
	}

	/** Variable -> who reads it: the process's expressions, its forms' FEEL and templates, its listeners. */
	private Map<String, String> reads(ProcessFile file, Process process) {
		Map<String, String> reads = new TreeMap<>();
		expressionTexts(file, process).forEach((text, owner) -> {
			for (String body : Expressions.bodies(text)) {
				for (String read : Expressions.readVariables(body)) {
					if (!project.beans().contains(read)) {
						reads.putIfAbsent(read, "'" + owner + "' ${" + body.strip() + "}");
					}
				}
			}
		});
		for (BaseElement element : process.getModelInstance().getModelElementsByType(BaseElement.class)) {
			FormFile form = project.form(element.getAttributeValueNs(CAMUNDA, "formRef"));
			if (form != null && VariableFlow.processOf(element) == process) {
				form.expressionReads().forEach(read -> reads.putIfAbsent(read, "form '" + form.id() + "'"));
			}
		}
		for (String bean : beansUsedBy(file, process)) {
			listenerAccess(bean, "get").forEach(read -> reads.putIfAbsent(read, "bean '" + bean + "'"));
		}
		return reads;
	}

	/**
	 * Every attribute value and every text of an element without child elements inside a process, to the id of the
	 * element it belongs to (read with a plain XML parser: the model API lists no attributes).
	 */
	private static Map<String, String> expressionTexts(ProcessFile file, Process process) {
		Map<String, String> texts = new LinkedHashMap<>();
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().parse(file.path().toFile());
			NodeList processes = document.getElementsByTagNameNS(BpmnModelConstants.BPMN20_NS, "process");
			for (int i = 0; i < processes.getLength(); i++) {
				Element element = (Element) processes.item(i);
				if (process.getId().equals(element.getAttribute("id"))) {
					collectTexts(element, process.getId(), texts);
				}
			}
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new IllegalStateException(file.fileName() + ": " + e.getMessage(), e);
		}
		return texts;
	}

	private static void collectTexts(Element element, String owner, Map<String, String> texts) {
		String id = element.getAttribute("id");
		String current = id.isEmpty() ? owner : id;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			texts.putIfAbsent(attributes.item(i).getNodeValue(), current);
		}
		boolean leaf = true;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				leaf = false;
				collectTexts(childElement, current, texts);
			}
		}
		if (leaf) {
			texts.putIfAbsent(element.getTextContent(), current);
		}
	}

	/** The beans a process's expressions name ({@code ${bean}}, {@code ${bean.method(...)}}). */
	private Set<String> beansUsedBy(ProcessFile file, Process process) {
		Set<String> beans = new TreeSet<>();
		expressionTexts(file, process).keySet().forEach(text -> {
			for (String body : Expressions.bodies(text)) {
				for (Expressions.Root root : Expressions.roots(body)) {
					if (project.beans().contains(root.name())) {
						beans.add(root.name());
					}
				}
			}
		});
		return beans;
	}

	/**
	 * The variables a bean's class reads ({@code "get"}) or writes ({@code "set"}) with
	 * {@code getVariable(X)} / {@code setVariable(X, ...)}: X a literal or a String constant (its own or a process
	 * holder's {@code Vars}), or typed with {@code X.from(...)} / {@code X.on(...).set(...)}. Names built at run
	 * time are not seen.
	 */
	private Set<String> listenerAccess(String bean, String access) {
		Set<String> names = new TreeSet<>();
		// a bean of a @Component("name"), a class of that name, or the class a @Bean method of that name returns
		String className = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
		Pattern beanMethod = Pattern.compile("@Bean\\b[^;{]*?\\b(\\w+)\\s+" + Pattern.quote(bean) + "\\s*\\(");
		for (String source : mainSources().values()) {
			Matcher method = beanMethod.matcher(source);
			if (method.find()) {
				className = method.group(1);
			}
		}
		Pattern declaration = Pattern.compile("@(?:Component|Service)\\(\"" + Pattern.quote(bean) + "\"\\)|\\bclass\\s+"
				+ Pattern.quote(className) + "\\b");
		for (String source : mainSources().values()) {
			if (!declaration.matcher(source).find()) {
				continue;
			}
			Matcher matcher = VARIABLE_ACCESS.matcher(source);
			while (matcher.find()) {
				if (matcher.group(1).equals(access)) {
					names.addAll(resolve(matcher.group(2), source));
				}
			}
			// typed access: the typed constant has the name of its Vars constant
			Matcher typed = TYPED_ACCESS.matcher(source);
			while (typed.find()) {
				if (typed.group(2).equals("on") == access.equals("set")) {
					names.addAll(resolve(typed.group(1), source));
				}
			}
		}
		return names;
	}

	/** A literal's text, or the values a constant named so may have (its own source's, or a holder's Vars). */
	private Set<String> resolve(String argument, String source) {
		if (argument.startsWith("\"")) {
			return Set.of(argument.substring(1, argument.length() - 1));
		}
		String name = argument.substring(argument.lastIndexOf('.') + 1);
		Matcher own = STRING_CONSTANT.matcher(source);
		while (own.find()) {
			if (own.group(1).equals(name)) {
				return own.group(2) != null ? Set.of(own.group(2)) : resolve(own.group(3), source);
			}
		}
		Set<String> values = new TreeSet<>();
		processHolders().forEach(holder -> {
			String value = holder.constants("Vars").get(name);
			if (value != null) {
				values.add(value);
			}
		});
		return values;
	}

	/** Every field of every form, every Vars constant of every process holder, and the variables set by code. */
	private Set<String> knownVariableNames() {
		Set<String> known = new TreeSet<>(KnownVariables.SET_BY_CODE.keySet());
		project.forms().forEach(form -> known.addAll(form.variables()));
		processHolders().forEach(holder -> known.addAll(holder.constants("Vars").values()));
		return known;
	}

	/**
	 * Every {@code ${bean}} a delegate expression names, and every name a method is called on
	 * ({@code ${dueDates.of(...)}}), is a Spring bean in src/main/java (or an engine built-in or
	 * a variable).
	 */
	List<String> beanReferences(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		// lenient on purpose: any variable of any form, of this file's elements, or a multi-instance element
		Set<String> allVariables = new LinkedHashSet<>(KnownVariables.SET_BY_CODE.keySet());
		project.forms().forEach(form -> allVariables.addAll(form.variables()));
		file.processes().forEach(process -> allVariables.addAll(variables.producedBy(process.getId(), new HashSet<>())));
		file.model().getModelElementsByType(MultiInstanceLoopCharacteristics.class)
			.forEach(multiInstance -> allVariables.add(multiInstance.getCamundaElementVariable()));
		walk(file.model().getDocument().getRootElement(), element -> {
			String owner = ownerId(file.model(), element);
			Map<String, String> expressions = new LinkedHashMap<>();
			for (String attribute : List.of("delegateExpression", "expression", "dueDate", "followUpDate", "assignee",
					"candidateGroups", "candidateUsers", "priority", "collection")) {
				expressions.put(attribute, camundaAttribute(element, attribute));
			}
			if (TEXT_EXPRESSIONS.contains(element.getLocalName()) && element.getChildElements().isEmpty()) {
				expressions.put(element.getLocalName(), element.getTextContent());
			}
			for (Map.Entry<String, String> expression : expressions.entrySet()) {
				String attribute = expression.getKey();
				for (String body : Expressions.bodies(expression.getValue())) {
					for (Expressions.Root root : Expressions.roots(body)) {
						String name = root.name();
						boolean bean = project.beans().contains(name);
						if ("delegateExpression".equals(attribute) && !bean) {
							violations.add(file.fileName() + ": '" + owner + "' delegateExpression ${" + body.strip() + "} names '" + name
									+ "', but src/main/java declares no bean of that name (@Component(\"" + name + "\"))");
						}
						else if (root.dereferenced() && !bean && !Expressions.BUILT_INS.contains(name) && !allVariables.contains(name)) {
							violations.add(file.fileName() + ": '" + owner + "' " + attribute + " ${" + body.strip() + "} calls '" + name
									+ "', which is no bean in src/main/java, no engine built-in and no known variable");
						}
					}
				}
			}
		});
		return violations;
	}

	/**
	 * Every meeting a model names ({@code ${meetingInvitations.invite(task, 'KIND')}},
	 * {@code ${meetingTasks.plan(execution, 'KIND')}}) is a {@link MeetingKind}: the model names what, the
	 * enum holds title, fields and participants. The form of the task that invites to a meeting or plans it
	 * has the kind's fields (date, time, place); the task that records a meeting's results is due when the
	 * kind's results are due ({@code dueDates} reads that variable for the task's stage).
	 */
	List<String> meetingKinds(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		walk(file.model().getDocument().getRootElement(), element -> {
			for (String body : Expressions.bodies(camundaAttribute(element, "expression"))) {
				Matcher call = MEETING_CALL.matcher(body);
				while (call.find()) {
					String method = call.group(1) + "." + call.group(2);
					String kindName = call.group(3);
					String owner = ownerId(file.model(), element);
					Optional<MeetingKind> kind = Arrays.stream(MeetingKind.values())
						.filter(known -> known.name().equals(kindName))
						.findFirst();
					if (kindName == null) {
						violations.add(file.fileName() + ": '" + owner + "' ${" + body.strip()
								+ "} names no meeting kind as a literal (one of " + List.of(MeetingKind.values()) + ")");
					}
					else if (kind.isEmpty()) {
						violations.add(file.fileName() + ": '" + owner + "' invites to the meeting kind '"
								+ kindName + "', which MeetingKind does not define (" + List.of(MeetingKind.values()) + ")");
					}
					else if (method.equals("meetingTasks.record")) {
						violations.addAll(resultsDue(file, owner, kind.get()));
					}
					else {
						violations.addAll(meetingFields(file, owner, kind.get()));
					}
				}
			}
		});
		return violations;
	}

	/** The form of the task that plans a meeting or invites to it has the kind's fields. */
	private List<String> meetingFields(ProcessFile file, String owner, MeetingKind kind) {
		String formRef = camundaAttributeOf(file, owner, "formRef");
		FormFile form = formRef == null ? null : project.form(formRef);
		if (form == null) {
			// a user task without a form: userTasks reports it
			return List.of();
		}
		return kind.formFields().stream()
			.filter(field -> !form.variables().contains(field))
			.map(field -> file.fileName() + ": '" + owner + "' plans the meeting kind '" + kind.name() + "', whose field '" + field
					+ "' its form '" + formRef + "' does not have")
			.toList();
	}

	/** The task that records a meeting's results is due by the kind's results-due variable. */
	private List<String> resultsDue(ProcessFile file, String owner, MeetingKind kind) {
		if (kind.resultsDue().isEmpty()) {
			return List.of(file.fileName() + ": '" + owner + "' records the results of the meeting kind '" + kind.name()
					+ "', which has no results due");
		}
		String dueDate = camundaAttributeOf(file, owner, "dueDate");
		Matcher stage = dueDate == null ? null : DUE_STAGE.matcher(dueDate);
		String expected = kind.resultsDue().get().name();
		if (stage == null || !stage.find() || !DueDates.fixedDue(stage.group(1)).name().equals(expected)) {
			return List.of(file.fileName() + ": '" + owner + "' records the results of the meeting kind '" + kind.name()
					+ "', but its due date " + dueDate + " does not read '" + expected + "'");
		}
		return List.of();
	}

	private static String camundaAttributeOf(ProcessFile file, String id, String attribute) {
		ModelElementInstance element = file.model().getModelElementById(id);
		return element == null ? null : element.getAttributeValueNs(CAMUNDA, attribute);
	}

	/**
	 * Every loop interval a model names ({@code ${implementationCalendar.next(execution, 'reviewMeetingInterval')}})
	 * is one the implementation declares with its default ({@code ImplementationProcess.Typed.INTERVALS}).
	 */
	List<String> loopIntervals(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		walk(file.model().getDocument().getRootElement(), element -> {
			List<String> texts = new ArrayList<>();
			texts.add(camundaAttribute(element, "expression"));
			if (element.getChildElements().isEmpty()) {
				texts.add(element.getTextContent());
			}
			for (String text : texts) {
				Matcher call = text == null ? null : INTERVAL_CALL.matcher(text);
				while (call != null && call.find()) {
					if (!ImplementationProcess.Typed.INTERVALS.containsKey(call.group(1))) {
						violations.add(file.fileName() + ": '" + ownerId(file.model(), element) + "' names the interval '"
								+ call.group(1) + "', which ImplementationProcess does not declare "
								+ new TreeSet<>(ImplementationProcess.Typed.INTERVALS.keySet()));
					}
				}
			}
		});
		return violations;
	}

	/** The process holders of src/main/java (see {@link ProcessHolder}). */
	List<ProcessHolder> processHolders() {
		return ProcessHolder.in(project.root().resolve("src/main/java"), mainSources());
	}

	/**
	 * Every {@code Elements} constant of a process holder names an element of the holder's process, every
	 * {@code Forms} constant the id of a form its process uses.
	 */
	List<String> holderElements(ProcessHolder holder) {
		List<String> violations = new ArrayList<>();
		ProcessFile file = fileDefining(holder.key());
		if (file == null) {
			violations.add(holder.name() + ": no processes/*.bpmn defines its KEY '" + holder.key() + "'");
			return violations;
		}
		holder.constants("Elements").forEach((constant, id) -> {
			if (file.model().getModelElementById(id) == null) {
				violations.add(holder.name() + ": Elements." + constant + " is '" + id + "', which is no element of "
						+ file.fileName());
			}
		});
		Collection<String> forms = formRefs(file).values();
		holder.constants("Forms").forEach((constant, id) -> {
			if (!forms.contains(id)) {
				violations.add(holder.name() + ": Forms." + constant + " is '" + id + "', which no element of "
						+ file.fileName() + " refers to");
			}
		});
		return violations;
	}

	/**
	 * Every {@code Vars} constant of a process holder is used: its name occurs in the holder's model (the BPMN
	 * or a form the BPMN refers to), or code uses the constant (src/main/java besides its declaration, or a test;
	 * the model checks' own package does not count).
	 */
	List<String> holderVariables(ProcessHolder holder) {
		List<String> violations = new ArrayList<>();
		ProcessFile file = fileDefining(holder.key());
		String model = file == null ? "" : read(file.path());
		Set<String> formVariables = new HashSet<>();
		Matcher formRef = FORM_REF.matcher(model);
		while (formRef.find()) {
			FormFile form = project.form(formRef.group(1));
			if (form != null) {
				formVariables.addAll(form.variables());
			}
		}
		Map<Path, String> sources = code();
		String own = sources.getOrDefault(holder.source(), "");
		holder.constants("Vars").forEach((constant, variable) -> {
			boolean inModel = formVariables.contains(variable)
					|| Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(model).find();
			boolean inCode = Pattern.compile("\\b" + constant + "\\b").matcher(own).results().count() > 1
					|| sources.entrySet().stream()
						.anyMatch(source -> !source.getKey().equals(holder.source())
								&& usesVariableConstant(source.getValue(), holder.name(), constant));
			if (!inModel && !inCode) {
				violations.add(holder.name() + ": Vars." + constant + " ('" + variable + "') is used neither in "
						+ (file == null ? "its model" : file.fileName() + " or its forms") + " nor in the code");
			}
		});
		return violations;
	}

	/**
	 * Forms follow one naming rule: the forms of a called process begin with a prefix of their own ({@code agreement-},
	 * {@code analysis-}, {@code revision-}, {@code implementation-}), so a form's name tells its process; the forms of
	 * the main process begin with none of these.
	 */
	List<String> formNames(ProcessFile file) {
		List<String> violations = new ArrayList<>();
		if (file.model() == null) {
			return violations;
		}
		Map<String, String> refs = formRefs(file);
		if (isCalled(file)) {
			Set<String> prefixes = new TreeSet<>(refs.values().stream().map(ModelChecks::formPrefix).toList());
			if (prefixes.size() > 1) {
				violations.add(file.fileName() + ": the forms of a called process begin with one prefix of their own, these with "
						+ prefixes);
			}
		}
		// the prefix of each called process whose forms share one
		Map<String, String> owners = new HashMap<>();
		project.processFiles().stream().filter(other -> other.model() != null && isCalled(other)).forEach(other -> {
			Set<String> prefixes = new TreeSet<>(formRefs(other).values().stream().map(ModelChecks::formPrefix).toList());
			if (prefixes.size() == 1) {
				owners.putIfAbsent(prefixes.iterator().next(), other.fileName());
			}
		});
		refs.forEach((element, form) -> {
			String owner = owners.get(formPrefix(form));
			if (owner != null && !owner.equals(file.fileName())) {
				violations.add(file.fileName() + ": '" + element + "' uses the form '" + form + "', whose prefix '" + formPrefix(form)
						+ "' is that of the forms of " + owner
						+ " (a called process's forms begin with its own prefix, the main process's with none)");
			}
		});
		return violations;
	}

	/**
	 * Fields that all the given forms have (the top-level variables they set) are written out alike, ids aside: one
	 * edited in one form only would make the forms of the same data differ.
	 */
	List<String> sharedFieldsAlike(List<FormFile> forms) {
		List<String> violations = new ArrayList<>();
		for (String field : commonFields(forms)) {
			FormFile first = forms.get(0);
			for (FormFile form : forms.subList(1, forms.size())) {
				if (!form.field(field).equals(first.field(field))) {
					violations.add(form.fileName() + ": the field '" + field + "' is not written out as in " + first.fileName()
							+ " (the forms " + forms.stream().map(FormFile::fileName).toList() + " share it)");
				}
			}
		}
		return violations;
	}

	/** The top-level variables every one of the forms sets. */
	Set<String> commonFields(List<FormFile> forms) {
		Set<String> common = new LinkedHashSet<>(forms.get(0).variables());
		forms.forEach(form -> common.retainAll(form.variables()));
		return common;
	}

	/** Form ids are unique over all forms (formRef binds by id). */
	List<String> uniqueFormIds(List<FormFile> forms) {
		Map<String, String> fileById = new HashMap<>();
		List<String> violations = new ArrayList<>();
		for (FormFile form : forms) {
			if (form.id() == null) {
				continue;
			}
			String other = fileById.putIfAbsent(form.id(), form.fileName());
			if (other != null) {
				violations.add(form.fileName() + ": form id '" + form.id() + "' is also the id of " + other);
			}
		}
		return violations;
	}

	/** A form is JSON with an id and components, and no key twice. */
	List<String> form(FormFile form) {
		return form.problems().stream().map(problem -> form.fileName() + ": " + problem).toList();
	}

	private static String camundaAttribute(DomElement element, String name) {
		String qualified = element.getAttribute(CAMUNDA, name);
		if (qualified != null) {
			return qualified;
		}
		// on camunda:executionListener / camunda:taskListener the attributes are unqualified
		return CAMUNDA.equals(element.getNamespaceURI()) ? element.getAttribute(name) : null;
	}

	/** The id of the flow element or process an expression belongs to. */
	/** src/main/java, path to text, read once. */
	private Map<Path, String> mainSources() {
		if (mainSources == null) {
			mainSources = ProcessHolder.sources(project.root().resolve("src/main/java"));
		}
		return mainSources;
	}

	/** src/main/java and src/test/java but the model checks' own package (its fixtures and expectations), read once. */
	private Map<Path, String> code() {
		if (code == null) {
			code = new LinkedHashMap<>(mainSources());
			Path ownPackage = project.root().resolve("src/test/java/de/kooperation/model");
			ProcessHolder.sources(project.root().resolve("src/test/java")).forEach((path, text) -> {
				if (!path.startsWith(ownPackage)) {
					code.put(path, text);
				}
			});
		}
		return code;
	}

	private ProcessFile fileDefining(String key) {
		return project.processFiles().stream()
			.filter(file -> file.processes().stream().anyMatch(process -> process.getId().equals(key)))
			.findFirst()
			.orElse(null);
	}

	/** Whether a call activity of the project calls a process of the file. */
	private boolean isCalled(ProcessFile file) {
		Set<String> keys = new HashSet<>();
		file.processes().forEach(process -> keys.add(process.getId()));
		return project.processFiles().stream().filter(other -> other.model() != null)
			.flatMap(other -> other.model().getModelElementsByType(CallActivity.class).stream())
			.anyMatch(call -> keys.contains(call.getCalledElement()));
	}

	/** Element id to the form it refers to (user tasks and start events), expressions left out. */
	private static Map<String, String> formRefs(ProcessFile file) {
		Map<String, String> refs = new LinkedHashMap<>();
		for (BaseElement element : file.model().getModelElementsByType(BaseElement.class)) {
			String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
			if (!blank(formRef) && !Expressions.isExpression(formRef)) {
				refs.put(element.getId(), formRef);
			}
		}
		return refs;
	}

	/** {@code agreement-} of {@code agreement-review}. */
	private static String formPrefix(String form) {
		return form.substring(0, form.indexOf('-') + 1);
	}

	/** Whether a source uses the holder's {@code Vars.constant}, qualified or statically imported. */
	private static boolean usesVariableConstant(String source, String holder, String constant) {
		if (!source.contains(holder)) {
			return false;
		}
		if (Pattern.compile("\\bVars\\s*\\.\\s*" + constant + "\\b").matcher(source).find()) {
			return true;
		}
		boolean imported = Pattern.compile("import\\s+static\\s+[\\w.]*\\b" + holder + "\\.Vars\\.(?:\\*|" + constant + ")\\s*;")
			.matcher(source)
			.find();
		return imported && Pattern.compile("\\b" + constant + "\\b").matcher(source.replaceAll("(?m)^import .*$", "")).find();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String ownerId(BpmnModelInstance model, DomElement element) {
		for (DomElement current = element; current != null; current = current.getParentElement()) {
			String id = current.getAttribute("id");
			ModelElementInstance owner = id == null ? null : model.getModelElementById(id);
			if (owner instanceof FlowElement || owner instanceof Process) {
				return id;
			}
		}
		return element.getLocalName();
	}

	private static void walk(DomElement element, java.util.function.Consumer<DomElement> visitor) {
		visitor.accept(element);
		for (DomElement child : element.getChildElements()) {
			walk(child, visitor);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
