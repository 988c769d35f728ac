package de.kooperation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import de.kooperation.plan.Activity;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.plan.PlanImport;

/**
 * Seed 001, a Kommune's own Zeitschiene 2019–2021, as the demo's plan: read with the same import
 * a Kommune uses for its spreadsheet, every row and period as written. Only the statuses are the
 * demo's: where the Kommune stands years later (most done, the monitoring cycle running).
 */
@Component
public class SeedTimeline {

	static final String RESOURCE = "/plan/zeitschiene-seed-001.txt";

	/** The demo's statuses by the start of the activity's text. */
	private static final Map<String, PlanStatus> STATUSES = Map.ofEntries(
			Map.entry("Aufbau und Etablierung einer Lenkungs", PlanStatus.DONE),
			Map.entry("kick-off Veranstaltung", PlanStatus.DONE),
			Map.entry("regelmäßige Kommunikation", PlanStatus.DONE),
			Map.entry("Zielvereinbarung mit der Transferagentur", PlanStatus.DONE),
			Map.entry("Unterstützung thematischer Erhebungen", PlanStatus.DONE),
			Map.entry("Aufbau einer Bildungsberatung", PlanStatus.RUNNING),
			Map.entry("Konzeptarbeit, Beginn", PlanStatus.DONE),
			Map.entry("Zwischenbericht: Kommunikation", PlanStatus.DONE),
			Map.entry("Bildung von Facharbeitsgruppen", PlanStatus.DONE),
			Map.entry("Aufbau des Datenerfassungssystems", PlanStatus.RUNNING),
			Map.entry("Verstetigung des Monitorings", PlanStatus.RUNNING));

	private final Plans plans;

	SeedTimeline(Plans plans) {
		this.plans = plans;
	}

	/** Loads the seed's plan for the Kommune unless it has one; returns whether it did. */
	@Transactional
	public boolean load(String municipalityId, String userId) {
		if (plans.exists(municipalityId)) {
			return false;
		}
		try (InputStream in = SeedTimeline.class.getResourceAsStream(RESOURCE)) {
			PlanImport.Result result = PlanImport.read(in.readAllBytes(), "Zeitschiene 2019–2021");
			plans.importPlan(municipalityId, result, userId, "Zeitschiene 2019–2021");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (PlanImport.Unreadable e) {
			throw new IllegalStateException("Seed 001 nicht lesbar: " + e.getMessage(), e);
		}
		for (Activity activity : plans.of(municipalityId).activities()) {
			STATUSES.entrySet().stream()
				.filter(entry -> activity.title().startsWith(entry.getKey()))
				.findFirst()
				.ifPresent(entry -> plans.changeStatus(municipalityId, activity.id(), entry.getValue(), userId));
		}
		return true;
	}

}
