package de.kooperation.model;

/**
 * A process holder gone stale, for the model test's fixtures: one element id the model no longer has, one form
 * it no longer uses, one variable nothing uses.
 */
final class StaleProcessHolder {

	static final String KEY = "collaboration";

	private StaleProcessHolder() {
	}

	static final class Elements {

		static final String INTRODUCTORY_TALKS = "user_introductory_talks";

		static final String REMOVED_TASK = "user_removed_long_ago";

		private Elements() {
		}

	}

	static final class Forms {

		static final String INTRODUCTORY_TALKS = "introductory-talks";

		static final String RENAMED_FORM = "agreement-publicity";

		private Forms() {
		}

	}

	static final class Vars {

		static final String CONTINUE_COLLABORATION = "continueCollaboration";

		static final String NEVER_USED = "neverUsedAnywhere";

		private Vars() {
		}

	}

}
