package de.kooperation.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.MeetingKind;
import de.kooperation.shared.Zone;

/**
 * Review and strategy meetings talk about the Kommune's own plan: when "Ergebnisse des Review-
 * (Strategie-)gesprächs festhalten" is created, its form gets what changed in the plan since the
 * last meeting of that kind was recorded (what started, finished, slipped, comments, with who and
 * when) and what is late now, as Markdown.
 */
@Component("planChangesListener")
class PlanChangesListener implements TaskListener {

	/** Local variable of the task, shown by its form. */
	static final String CHANGES = "planChanges";

	/** Room left for the form's own text: a text variable holds 4,000 characters. */
	private static final int ROOM = FormRules.MAX_TEXT_LENGTH - 200;

	private final Plans plans;

	private final HistoryService history;

	PlanChangesListener(Plans plans, HistoryService history) {
		this.plans = plans;
		this.history = history;
	}

	@Override
	public void notify(DelegateTask task) {
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		List<HistoricTaskInstance> earlier = history.createHistoricTaskInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(task.getTaskDefinitionKey())
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1);
		Instant since = earlier.isEmpty() ? null : earlier.get(0).getEndTime().toInstant();
		String meeting = (ImplementationProcess.Elements.RECORD_STRATEGY_MEETING.equals(task.getTaskDefinitionKey())
				? MeetingKind.STRATEGY_MEETING : MeetingKind.REVIEW_MEETING).title();
		task.setVariableLocal(CHANGES, municipalityId == null ? "Kein Zeitplan." : overview(municipalityId, since, meeting));
	}

	String overview(String municipalityId, Instant since, String meeting) {
		if (!plans.exists(municipalityId)) {
			return "Die Kommune führt ihren Zeitplan noch nicht in der Anwendung.";
		}
		List<PlanChange> changes = since == null ? plans.changes(municipalityId) : plans.changesSince(municipalityId, since);
		StringBuilder text = new StringBuilder();
		text.append(since == null ? "Alle Änderungen bisher" : "Seit dem letzten " + meeting + " (festgehalten am "
				+ Dates.format(since.atZone(ZoneId.of(Zone.ID)).toLocalDate()) + ")").append(": ");
		if (changes.isEmpty()) {
			text.append("keine Änderungen.\n\n");
		}
		else {
			text.append(changes.size()).append(changes.size() == 1 ? " Änderung\n\n" : " Änderungen\n\n");
			for (PlanChange change : changes) {
				String line = "- " + change.atLabel() + ", " + escape(change.by()) + ": "
						+ (change.activityTitle() == null ? "" : "„" + escape(change.activityLabel()) + "“ – ") + escape(change.label()) + "\n";
				if (text.length() + line.length() > ROOM - 300) {
					text.append("- … weitere im Zeitplan\n");
					break;
				}
				text.append(line);
			}
			text.append('\n');
		}
		Plan plan = plans.of(municipalityId);
		LocalDate today = Plans.today();
		List<String> late = plan.fields().stream()
			.flatMap(field -> field.activities().stream()
				.filter(activity -> activity.lateOn(today))
				.map(activity -> field.position() + "." + activity.position() + " " + TimelineChart.shortened(activity.title(), 60)))
			.toList();
		text.append("**Überfällig** (Zeitraum vorbei, nicht erledigt): ")
			.append(late.isEmpty() ? "nichts" : escape(String.join("; ", late)));
		if (text.length() > ROOM - 100) {
			text.setLength(ROOM - 100);
			text.append(" …");
		}
		return text.toString();
	}

	/** The form renders Markdown: what users typed must not turn into links or headings. */
	static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1");
	}

}
