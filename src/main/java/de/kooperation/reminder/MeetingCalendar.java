package de.kooperation.reminder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import de.kooperation.shared.Zone;


/**
 * iCalendar invitations (METHOD:REQUEST) and cancellations (METHOD:CANCEL) as Outlook and Thunderbird expect them: a stable UID
 * per meeting, a SEQUENCE raised with every change, local times with the Europe/Berlin
 * VTIMEZONE. The organiser is the app's own address, so attendees are not asked to reply (RSVP=FALSE).
 */
@Component
class MeetingCalendar {

	record Meeting(String uid, int sequence, ZonedDateTime start, Duration duration, String summary, String description,
			String location, String organizer, List<String> attendees) {
	}

	byte[] invitation(Meeting meeting) {
		return calendar(meeting, Method.VALUE_REQUEST);
	}

	/**
	 * The cancellation (METHOD:CANCEL, STATUS:CANCELLED) of a meeting already invited to: same UID,
	 * the SEQUENCE above the last invitation, so calendars remove the entry.
	 */
	byte[] cancellation(Meeting meeting) {
		return calendar(meeting, Method.VALUE_CANCEL);
	}

	private byte[] calendar(Meeting meeting, String method) {
		TimeZone berlin = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(Zone.ID);
		VEvent event = new VEvent(meeting.start(), meeting.start().plus(meeting.duration()), meeting.summary());
		event.add(new Uid(meeting.uid()));
		event.add(new Sequence(meeting.sequence()));
		Organizer organizer = new Organizer(URI.create("mailto:" + meeting.organizer()));
		organizer.add(new Cn("Kooperation (bitte nicht antworten)"));
		event.add(organizer);
		if (meeting.description() != null) {
			event.add(new Description(meeting.description()));
		}
		if (meeting.location() != null && !meeting.location().isBlank()) {
			event.add(new Location(meeting.location()));
		}
		if (Method.VALUE_CANCEL.equals(method)) {
			event.add(new Status(Status.VALUE_CANCELLED));
		}
		for (String attendee : meeting.attendees()) {
			Attendee property = new Attendee(URI.create("mailto:" + attendee));
			property.add(Role.REQ_PARTICIPANT);
			property.add(PartStat.NEEDS_ACTION);
			// the organiser is the app's address, which nobody reads: no reply is asked for
			property.add(new Rsvp(false));
			property.add(new Cn(attendee));
			event.add(property);
		}
		Calendar calendar = new Calendar().withProdId("-//Transferagentur//Kooperation//DE")
			.withDefaults()
			.withProperty(new Method(method))
			.withComponent(berlin.getVTimeZone())
			.withComponent(event)
			.getFluentTarget();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			new CalendarOutputter(false).output(calendar, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
