/**
 * The Kafka room: events that cross processes when a module runs elsewhere, by logical
 * type ID and one topic per producing module.
 */
package dev.emporium.platform.kafka;
