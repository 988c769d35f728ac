package de.kooperation.municipality;

/**
 * A Kommune the agency works with. The id is a slug (e.g. {@code eisenach}) and doubles as the
 * business key of its collaboration; the federal state decides which public holidays apply.
 */
public record Municipality(String id, String name, String federalState) {
}
