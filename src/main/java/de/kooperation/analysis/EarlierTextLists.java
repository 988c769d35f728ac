package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.DATE;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.DATE_OPEN;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EMAIL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_SELECTION;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.LOCATION;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.NAME;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.ROLE;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.TIME;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import de.kooperation.form.Rows;

/**
 * Until December 2026 the expert lists ("Name; Funktion; E-Mail" per line) and the interview
 * schedule ("Name – TT.MM.JJJJ, hh:mm Uhr, Ort" per line) were typed as text; the forms now edit
 * rows. At start-up a running analysis's text values become rows, read as the text forms read
 * them, so an open selection still shows the proposed people and a running interview keeps the day
 * agreed for it. Nothing typed is dropped: a line's extra parts stay in the row, where the
 * server's check of the rows names them. Values that are rows already are left alone, so this is
 * safe at every start.
 */
@Component
class EarlierTextLists implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(EarlierTextLists.class);

	private static final Pattern BULLET = Pattern.compile("^(?:[-*•–]|\\d{1,2}[.)])(?:\\s+|$)");

	private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	/** 14:30, 14.30, 14:30 Uhr, 9 Uhr. */
	private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2})(\\s*Uhr)?|\\s*Uhr)");

	/** The text form's time when a line gave none. */
	private static final String DEFAULT_TIME = "10:00";

	private final RuntimeService runtime;

	private final TaskService tasks;

	EarlierTextLists(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int converted = 0;
		for (VariableInstance variable : runtime.createVariableInstanceQuery()
			.variableNameIn(EXPERT_PROPOSAL, EXPERT_SELECTION, INTERVIEW_SCHEDULE).list()) {
			if (!(variable.getValue() instanceof String text)) {
				continue;
			}
			List<Map<String, Object>> rows = INTERVIEW_SCHEDULE.equals(variable.getName())
					? schedule(text, selectedExperts(variable.getExecutionId()))
					: experts(text);
			TypedValue value = Rows.toVariable(rows);
			if (variable.getTaskId() != null) {
				tasks.setVariableLocal(variable.getTaskId(), variable.getName(), value);
			}
			else {
				runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
			}
			converted++;
		}
		if (converted > 0) {
			LOG.info("{} Listen aus Textzeilen (Interviewpartner/innen, Interviewtermine) in Zeilen übertragen", converted);
		}
	}

	/** One row per non-empty line: name, function, e-mail; further parts stay with the e-mail. */
	static List<Map<String, Object>> experts(String text) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String item = BULLET.matcher(line.strip()).replaceFirst("").strip();
			if (item.isEmpty()) {
				continue;
			}
			List<String> parts = Arrays.stream(item.split("[;\\t]", -1)).map(String::strip).toList();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(NAME, parts.get(0));
			row.put(ROLE, parts.size() > 1 ? parts.get(1) : "");
			row.put(EMAIL, parts.size() > 2 ? String.join("; ", parts.subList(2, parts.size())).replaceAll("^<|>$", "") : "");
			rows.add(row);
		}
		return rows;
	}

	/**
	 * One row per selected expert: the first line naming the expert gives the day (TT.MM.JJJJ or
	 * JJJJ-MM-TT), the time right after it (10:00 when none, as the text form read it) and the rest
	 * as the place; without such a line the day is open, as it was.
	 */
	static List<Map<String, Object>> schedule(String text, List<Map<String, Object>> experts) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> expert : experts) {
			String name = Rows.text(expert, NAME);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(NAME, name);
			row.put(EMAIL, Rows.text(expert, EMAIL));
			row.put(DATE_OPEN, true);
			String lower = name.toLowerCase(Locale.GERMAN);
			Arrays.stream(text.split("\\R")).filter(line -> !lower.isBlank() && line.toLowerCase(Locale.GERMAN).contains(lower))
				.findFirst()
				.ifPresent(line -> slot(line.substring(line.toLowerCase(Locale.GERMAN).indexOf(lower) + lower.length()), row));
			rows.add(row);
		}
		return rows;
	}

	private static void slot(String rest, Map<String, Object> row) {
		Matcher german = GERMAN_DATE.matcher(rest);
		Matcher iso = ISO_DATE.matcher(rest);
		LocalDate day;
		int after;
		try {
			if (german.find()) {
				day = LocalDate.of(Integer.parseInt(german.group(3)), Integer.parseInt(german.group(2)), Integer.parseInt(german.group(1)));
				after = german.end();
			}
			else if (iso.find()) {
				day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
				after = iso.end();
			}
			else {
				return;
			}
		}
		catch (DateTimeException e) {
			return;
		}
		String tail = rest.substring(after);
		String time = DEFAULT_TIME;
		Matcher at = TIME_OF_DAY.matcher(tail);
		if (at.find() && tail.substring(0, at.start()).replaceAll("[\\s,;–-]|um", "").isEmpty()) {
			time = String.format("%02d:%s", Integer.parseInt(at.group(1)), at.group(2) == null ? "00" : at.group(2));
			tail = tail.substring(at.end());
		}
		row.put(DATE_OPEN, false);
		row.put(DATE, day.toString());
		row.put(TIME, time);
		row.put(LOCATION, tail.replaceFirst("^[\\s,;–-]+", "").strip());
	}

	/**
	 * The selected experts the schedule's rows are for: the parsed list, else the selection's rows or
	 * text. Read untyped on purpose: these are values of earlier types.
	 */
	private List<Map<String, Object>> selectedExperts(String executionId) {
		Object parsed = runtime.getVariable(executionId, EXPERTS);
		if (parsed instanceof List<?> list) {
			List<Map<String, Object>> rows = Rows.of(list);
			if (rows != null) {
				return rows.stream().filter(row -> row != null).toList();
			}
		}
		Object selection = runtime.getVariable(executionId, EXPERT_SELECTION);
		if (selection instanceof String text) {
			return experts(text);
		}
		List<Map<String, Object>> rows = Rows.of(selection);
		return rows == null ? List.of() : rows.stream().filter(row -> row != null).toList();
	}

}
