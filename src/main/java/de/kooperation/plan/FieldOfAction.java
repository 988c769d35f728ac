package de.kooperation.plan;

import java.util.List;

/** A Handlungsfeld of the plan (e.g. "1. Schaffung von Netzwerkstrukturen") with its activities in order. */
public record FieldOfAction(String id, int position, String title, List<Activity> activities) {
}
