package dev.emporium.shared;

import java.util.UUID;

/**
 * An event that carries its own identity: {@link #eventId()} is unique per published
 * event and stays the same when the event publication registry delivers it again, so a
 * listener's inbox can tell a redelivery from a new event.
 */
public interface IdentifiedEvent {

	/**
	 * The identity of this event, assigned once when it is created.
	 * @return never {@code null}
	 */
	UUID eventId();

}
