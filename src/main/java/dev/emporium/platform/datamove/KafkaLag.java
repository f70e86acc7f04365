package dev.emporium.platform.datamove;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * How many event records on the broker the shop's consumer groups ({@code emporium-*})
 * have not read yet.
 */
final class KafkaLag implements AutoCloseable {

	private static final String GROUP_PREFIX = "emporium-";

	private final Admin admin;

	private final String bootstrapServers;

	KafkaLag(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10_000));
	}

	/** The records not read yet, per consumer group of the shop. */
	Map<String, Long> byGroup() {
		try {
			var groups = admin.listConsumerGroups()
				.all()
				.get(10, TimeUnit.SECONDS)
				.stream()
				.map(ConsumerGroupListing::groupId)
				.filter(group -> group.startsWith(GROUP_PREFIX))
				.sorted()
				.toList();
			var lags = new java.util.LinkedHashMap<String, Long>();
			for (var group : groups) {
				var committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				// Partitions the group is assigned but has never committed on count from
				// 0.
				var partitions = new java.util.HashSet<>(committed.keySet());
				admin.describeConsumerGroups(java.util.List.of(group))
					.all()
					.get(10, TimeUnit.SECONDS)
					.values()
					.forEach(description -> description.members()
						.forEach(member -> partitions.addAll(member.assignment().topicPartitions())));
				var ends = admin
					.listOffsets(partitions.stream()
						.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
					.all()
					.get(10, TimeUnit.SECONDS);
				long lag = 0;
				for (var partition : partitions) {
					var offset = committed.get(partition);
					var read = (offset == null) ? 0 : offset.offset();
					lag += Math.max(0, ends.get(partition).offset() - read);
				}
				lags.put(group, lag);
			}
			return lags;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DataMoveException("cannot read the consumer groups' lag from the Kafka broker at "
					+ bootstrapServers + " (SPRING_KAFKA_BOOTSTRAP_SERVERS): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataMoveException("interrupted", ex);
		}
	}

	@Override
	public void close() {
		admin.close();
	}

}
