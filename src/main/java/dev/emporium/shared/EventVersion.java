package dev.emporium.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of an event's contract: the JSON its record becomes on the broker, as
 * described by {@code docs/events/schemas/<module>.<Event>.v<version>.json}. An event
 * without this annotation is at version 1.
 * <p>
 * Raise it only for a change that consumers of the committed version could not read: a
 * component removed, renamed or retyped, or one that becomes always present or may now be
 * absent. Adding a component that may be {@code null} (and is then left out of the JSON)
 * keeps the version. Old versions' schema files stay committed, because events of that
 * version may still wait in the outbox or on a topic. The contract tests
 * ({@code dev.emporium.contracts.EventContractTests}) enforce all of this; see
 * {@code docs/events.md}, section Contracts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventVersion {

	/**
	 * The version of the event's contract.
	 * @return 2 or more; 1 is what an event without the annotation has
	 */
	int value();

}
