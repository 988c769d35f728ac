package de.kooperation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeetingKindTests {

	@Test
	void aCollaborationStartedOnTheEarlierModelStillFindsItsMeetingByTheOldName() {
		// implementation.bpmn called meetingTasks with 'reviewMeeting'; running instances keep that version
		assertThat(MeetingKind.named("reviewMeeting")).isEqualTo(MeetingKind.REVIEW_MEETING);
		assertThat(MeetingKind.named("strategyMeeting")).isEqualTo(MeetingKind.STRATEGY_MEETING);
		assertThat(MeetingKind.named("REVIEW_MEETING")).isEqualTo(MeetingKind.REVIEW_MEETING);
	}

	@Test
	void eachMeetingKeepsTheCalendarKeyOfItsInvitationsSoAPlannedMeetingIsUpdatedNotSentTwice() {
		assertThat(MeetingKind.EXPLORATORY_MEETING.key()).isEqualTo("exploratoryMeeting");
		assertThat(MeetingKind.DISCOURSE_EVENT.key()).isEqualTo("discourseEvent");
		assertThat(MeetingKind.REVIEW_MEETING.key()).isEqualTo("reviewMeeting");
		assertThat(MeetingKind.STRATEGY_MEETING.key()).isEqualTo("strategyMeeting");
	}

}
