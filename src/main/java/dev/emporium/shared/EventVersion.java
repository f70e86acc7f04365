package dev.emporium.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of an event's contract, the JSON described by
 * {@code docs/events/schemas/<module>.<Event>.v<version>.json}; an event without it is at
 * version 1. Raise it only for a change that consumers of the committed version cannot
 * read (docs/events.md, "Contracts").
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
