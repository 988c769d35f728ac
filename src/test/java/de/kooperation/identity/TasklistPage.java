package de.kooperation.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A task in Tasklist as the logged-in user works it in {@link HeadlessChromium}: opened through
 * its link, taken over, its Camunda Form filled (dynamic lists: one row per person) and completed.
 * The engine is only read: which task, whose it is, whether it was completed.
 */
final class TasklistPage {

	private static final By COMPLETE = By.xpath("//button[normalize-space()='Abschließen']");

	private static final By REFUSAL = By.cssSelector(".notifications .alert-danger");

	private final HeadlessChromium browser;

	TasklistPage(HeadlessChromium browser) {
		this.browser = browser;
	}

	/** The engine of the app the browser shows (known once a test runs). */
	private ProcessEngine engine() {
		return browser.engine();
	}

	// ---------------------------------------------------------------- the task

	/** Opens the task through its link, as in a reminder mail, and waits for its name. */
	void openTask(Task task) {
		browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
		browser.waitForText(task.getName());
	}

	/**
	 * Opens the task, which tells to take it over first, takes it over (it is then the logged-in
	 * user's) and opens it again (Tasklist closes it after taking over), until Abschließen is enabled.
	 */
	void takeOver(Task task) {
		openTask(task);
		browser.waitForText("übernehmen Sie die Aufgabe");
		browser.click(By.cssSelector("button.claim"));
		String user = browser.loggedIn();
		browser.waitUntil("the task to be taken over by " + user,
				driver -> user.equals(engine().getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
		browser.open("/camunda/app/tasklist/default/#/");
		openTask(task);
		browser.waitFor(By.xpath("//button[normalize-space()='Abschließen' and not(@disabled)]"));
	}

	/**
	 * Abschließen, once enabled: clicked as a user does, or by script while a refusal shown before
	 * lies over the button.
	 */
	void clickComplete() {
		WebElement button = browser.waitFor(COMPLETE);
		browser.waitUntil("Abschließen to be enabled", driver -> button.isEnabled());
		if (refusals().isEmpty()) {
			browser.click(COMPLETE);
		}
		else {
			browser.script("arguments[0].click();", button);
		}
	}

	void waitUntilCompleted(Task task) {
		browser.waitUntil("the task '" + task.getName() + "' to be completed",
				driver -> engine().getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
	}

	/** The refusals of the server on the screen. */
	List<WebElement> refusals() {
		return browser.visible(REFUSAL);
	}

	// ---------------------------------------------------------------- dynamic lists (one row per person)

	List<WebElement> rows() {
		return browser.elements(By.cssSelector(".fjs-repeat-row-container"));
	}

	/** Zeile hinzufügen, and exactly one row more. */
	void addRow() {
		int before = rows().size();
		browser.click(By.xpath("//button[contains(@class,'fjs-repeat-render-add') and normalize-space()='Zeile hinzufügen']"));
		browser.waitUntil("a new row", driver -> rows().size() == before + 1);
	}

	/** A row's (from 1) text inputs (name, function or e-mail), without its checkboxes and date and time pickers. */
	List<WebElement> rowInputs(int row) {
		return rows().get(row - 1).findElements(By.cssSelector("input.fjs-input:not([type='checkbox'])")).stream()
			.filter(input -> !input.getDomProperty("id").contains("date") && !input.getDomProperty("id").contains("time"))
			.toList();
	}

	/**
	 * Typed into a row's (from 1) text input (from 0) until the form keeps it: form-js takes text a
	 * moment later, so the value must still be there when looked at again.
	 */
	void typeInRow(int row, int input, String text) {
		browser.waitUntil("'" + text + "' in row " + row, driver -> {
			WebElement field = rowInputs(row).get(input);
			if (!text.equals(field.getDomProperty("value"))) {
				browser.clear(field);
				field.sendKeys(text);
				return false;
			}
			return true;
		});
	}

	// ---------------------------------------------------------------- fields

	/** The visible field, emptied and typed into (Enter closes a picker). */
	void typeInto(String xpath, String text) {
		WebElement input = browser.waitFor(By.xpath(xpath));
		browser.clear(input);
		input.sendKeys(text, Keys.ENTER);
	}

	/** Typed until the form keeps it (a picker closed just before may still take the first keys). */
	void typeKept(String xpath, String text) {
		browser.waitUntil("'" + text + "' kept", driver -> {
			WebElement input = browser.waitFor(By.xpath(xpath));
			if (!text.equals(input.getDomProperty("value"))) {
				browser.clear(input);
				input.sendKeys(text);
			}
			return text.equals(browser.waitFor(By.xpath(xpath)).getDomProperty("value"));
		});
	}

}
