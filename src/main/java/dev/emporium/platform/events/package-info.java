/**
 * The events room: delivery of the event publication registry's events, claims between
 * instances, recovery, retries, retention, and the staff API over failed publications.
 */
package dev.emporium.platform.events;
