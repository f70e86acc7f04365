package dev.emporium.shared;

import java.util.UUID;

import org.slf4j.LoggerFactory;

/**
 * A module's inbox: which of its listeners applied which event, so that a redelivered
 * event changes nothing. A module's repository extends it with an insert into
 * {@code <module>.inbox}; a listener does its whole work through {@link #applyOnce}
 * (docs/events.md).
 */
public interface Inbox {

	/**
	 * Records that a listener applies an event, in the caller's transaction.
	 * @param eventId the event's identity
	 * @param listener the listener's name, part of the inbox key: renaming it makes the
	 * events it applied look new
	 * @return {@code false} when the listener already applied the event
	 */
	boolean markApplied(UUID eventId, String listener);

	/**
	 * Runs the listener's work unless the listener already applied the event.
	 * @param event the event delivered
	 * @param listener the listener's name, as for {@link #markApplied}
	 * @param work everything the listener does with the event
	 */
	default void applyOnce(IdentifiedEvent event, String listener, Runnable work) {
		if (markApplied(event.eventId(), listener)) {
			work.run();
		}
		else {
			LoggerFactory.getLogger(Inbox.class).debug("Ignoring {} {}: already applied", listener, event.eventId());
		}
	}

}
