/**
 * The observability room: where traces go, the trace context across threads, and what
 * {@code /actuator/info} tells about this process (docs/observability.md).
 */
package dev.emporium.platform.observability;
