package de.kooperation.identity;

import static de.kooperation.shared.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.demo.DemoScript;

/**
 * The real Tasklist in a real browser (Debian's headless Chromium): a Kommune user logs in,
 * sees the German UI and only the own Kommune's task, opens it, fills the Camunda Form and
 * completes it, and the process moves on; a user of another Kommune does not see that task; text
 * with an HTML/script payload is shown literally and never runs. Screenshots go to
 * target/screenshots/.
 *
 * <p>Skipped only when Chromium or its driver is not installed ({@code .ci/run} installs both);
 * if they are there but fail, the test fails.
 */
@DemoAppTest
class TasklistBrowserTests {

	private static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";

	private static final String FORM_CHECKBOX = "Handlungsempfehlungen zur Kenntnis genommen";

	@RegisterExtension
	static final HeadlessChromium browser = HeadlessChromium.perTestClass();

	static final TasklistPage tasklist = new TasklistPage(browser);

	@Autowired
	ProcessEngine engine;

	@Autowired
	TaskFilters filters;

	@Test
	void aKommuneUserCompletesItsTaskInTasklistAnotherKommuneDoesNotSeeItAndAScriptPayloadStaysText() {
		Task task = nienburgTaskWithPayload();
		String taskUrl = "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(TaskFilters.GROUP_TASKS) + "&task=" + task.getId();

		// another Kommune's user: neither in the list nor behind the direct link
		browser.logIn(DemoScript.EISENACH.contact().id());
		browser.open(taskUrl);
		// the direct link is refused, the list shows Eisenach's own tasks only
		browser.waitForText("Die Aufgabe existiert nicht mehr");
		browser.waitForText(openTaskNames("eisenach").get(0));
		browser.screenshot("01-eisenach-sieht-nienburgs-aufgabe-nicht");
		assertThat(browser.bodyText()).doesNotContain(PAYLOAD, FORM_CHECKBOX);
		assertThat(onlyOf("nienburg", "eisenach")).noneMatch(browser.bodyText()::contains);
		browser.assertNoScriptRan();
		browser.logOut();

		// the Kommune's own user
		browser.logIn(DemoScript.NIENBURG.contact().id());
		browser.open(taskUrl);
		browser.waitForText(FORM_CHECKBOX);
		browser.screenshot("02-nienburg-aufgabe-geoeffnet");
		String page = browser.bodyText();
		assertThat(page).contains(TaskFilters.GROUP_TASKS, TaskFilters.MY_TASKS, "Fällig", "Erstellung");
		// a Kommune starts no process (issue 9: no action that ends in an error)
		assertThat(page).doesNotContain("Prozess starten");
		assertThat(onlyOf("eisenach", "nienburg")).as("no task only Eisenach has").noneMatch(page::contains);
		assertThat(onlyOf("worms", "nienburg")).as("no task only Worms has").noneMatch(page::contains);
		assertThat(page).as("the payload in the task name is text").contains(PAYLOAD);
		assertThat(textarea().getDomProperty("value")).as("the payload in the form is text").isEqualTo(PAYLOAD);
		assertThat(browser.elements(By.cssSelector("img[src='x']"))).as("no injected image element").isEmpty();
		browser.assertNoScriptRan();

		browser.click(By.cssSelector("button.claim"));
		// Tasklist then lists the task as hers and closes its detail; she opens it again
		browser.waitUntil("the task to be hers", driver -> DemoScript.NIENBURG.contact().id()
			.equals(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
		browser.open(taskUrl);
		browser.waitFor(By.xpath("//button[normalize-space()='Abschließen' and not(@disabled)]"));
		textarea().sendKeys(" – gelesen");
		WebElement acknowledged = browser.waitFor(By.cssSelector("input[type='checkbox']"));
		browser.waitUntil("the checkbox to be ticked", driver -> {
			if (!acknowledged.isSelected()) {
				acknowledged.click();
			}
			return acknowledged.isSelected();
		});
		browser.screenshot("03-nienburg-formular-ausgefuellt");
		browser.click(By.xpath("//button[normalize-space()='Abschließen']"));

		tasklist.waitUntilCompleted(task);
		browser.screenshot("04-nienburg-abgeschlossen");
		browser.assertNoScriptRan();
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
			.singleResult();
		assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), "recommendationsAcknowledged")).isEqualTo(true);
		assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), "recommendationsComments")).isEqualTo(PAYLOAD + " – gelesen");
		FlowNode acknowledge = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(ACKNOWLEDGE_RECOMMENDATIONS);
		List<String> next = acknowledge.getSucceedingNodes().list().stream().map(FlowNode::getId).toList();
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(collaboration.getId()).list())
			.as("the process moved on to %s", next)
			.anyMatch(activity -> next.contains(activity.getActivityId()) && !activity.getStartTime().before(completedAt(task)));
		browser.logOut();
	}

	@Test
	void aFirstReviewRoundShowsNoEmptyReworkNotes_theSecondShowsThem() {
		// the Kommune's review of a draft in its first round: nobody has reworked it yet
		ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceByKey(AgreementProcess.KEY)
			.businessKey("nienburg")
			.startBeforeActivity(AgreementProcess.Elements.REVIEW)
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_GROUP, PartyGroups.municipalityContacts("nienburg"))
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_ID, "nienburg")
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_NAME, "Landkreis Nienburg/Weser")
			.setVariable(AgreementProcess.Vars.AGREEMENT_GOALS, "Bildungsmonitoring aufbauen")
			.execute();
		try {
			Task task = engine.getTaskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult();
			String taskUrl = "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(TaskFilters.GROUP_TASKS) + "&task=" + task.getId();
			browser.logIn(DemoScript.NIENBURG.contact().id());
			browser.open(taskUrl);
			browser.waitForText("Bildungsmonitoring aufbauen");
			browser.screenshot("05-nienburg-erste-pruefrunde");
			assertThat(browser.bodyText()).contains("Ziele der Kommune").doesNotContain("Zuletzt überarbeitet", "Hinweise der Transferagentur");

			// the second round: the agency reworked the draft and said what it changed
			engine.getRuntimeService().setVariable(agreement.getId(), AgreementProcess.Vars.AGREEMENT_REWORK_NOTES,
					"Meilenstein Diskurs ergänzt");
			browser.open("/camunda/app/tasklist/default/#/");
			browser.open(taskUrl);
			browser.waitForText("Zuletzt überarbeitet: Meilenstein Diskurs ergänzt");
			assertThat(browser.bodyText()).doesNotContain("Hinweise der Transferagentur");
			browser.logOut();
		}
		finally {
			engine.getRuntimeService().deleteProcessInstance(agreement.getId(), "Test beendet");
		}
	}

	// ---------------------------------------------------------------- the test's task

	/** A task for Nienburg's contacts whose name and pre-filled comment carry an HTML/script payload. */
	private Task nienburgTaskWithPayload() {
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey("nienburg").singleResult();
		engine.getRuntimeService().createProcessInstanceModification(collaboration.getId())
			.startBeforeActivity(ACKNOWLEDGE_RECOMMENDATIONS)
			.setVariable("recommendationsComments", PAYLOAD)
			.execute();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).taskUnassigned().orderByTaskCreateTime().desc().list().get(0);
		// a name as a Kommune could type it (interview tasks carry the names the Kommune listed)
		task.setName(task.getName() + " " + PAYLOAD);
		engine.getTaskService().saveTask(task);
		return task;
	}

	/** Names of the open tasks offered to the Kommune's contacts. */
	private List<String> openTaskNames(String municipalityId) {
		return engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.municipalityContacts(municipalityId))
			.includeAssignedTasks().list().stream().map(Task::getName).distinct().toList();
	}

	/** Names of the tasks one Kommune has open and the other has not. */
	private List<String> onlyOf(String municipalityId, String other) {
		List<String> others = openTaskNames(other);
		return openTaskNames(municipalityId).stream().filter(name -> !others.contains(name)).toList();
	}

	private java.util.Date completedAt(Task task) {
		return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getEndTime();
	}

	private WebElement textarea() {
		return browser.waitFor(By.cssSelector("textarea"));
	}

}
