package dev.emporium.shared;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support imported into a module test's context: it records every identified event
 * published, on any thread, and delivers one event instance again through the event
 * publication registry, as the registry does after a crash between a listener's commit
 * and the publication's completion.
 */
public class Redeliveries {

	private final EventPublicationRegistry registry;

	private final JdbcClient jdbc;

	private final List<IdentifiedEvent> published = new CopyOnWriteArrayList<>();

	public Redeliveries(EventPublicationRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(IdentifiedEvent event) {
		this.published.add(event);
	}

	/**
	 * Publishes the same event instance twice, each time waiting until its listeners
	 * completed the publication.
	 */
	public void deliverTwice(Scenario scenario, IdentifiedEvent event) {
		deliver(scenario, event);
		deliver(scenario, event);
	}

	/**
	 * Publishes the event and waits until its listeners completed the publication.
	 */
	public void deliver(Scenario scenario, IdentifiedEvent event) {
		scenario.publish(event)
			.andWaitForStateChange(() -> isIncomplete(event), incomplete -> !incomplete)
			.andVerify(incomplete -> assertThat(incomplete).isFalse());
	}

	/**
	 * Whether a publication of this very event (same {@code eventId}) is still
	 * incomplete.
	 */
	public boolean isIncomplete(IdentifiedEvent event) {
		return registry.findIncompletePublications()
			.stream()
			.anyMatch(publication -> publication.getEvent() instanceof IdentifiedEvent incomplete
					&& incomplete.eventId().equals(event.eventId()));
	}

	/**
	 * The events of a type published since the context started that match the filter.
	 */
	public <T extends IdentifiedEvent> List<T> published(Class<T> type, Predicate<T> filter) {
		return this.published.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
	}

	/**
	 * How many rows the module's inbox holds for the event, over all its listeners.
	 */
	public int inboxRows(String module, IdentifiedEvent event) {
		return jdbc.sql("SELECT count(*) FROM " + module + ".inbox WHERE event_id = ?")
			.param(event.eventId())
			.query(Integer.class)
			.single();
	}

}
