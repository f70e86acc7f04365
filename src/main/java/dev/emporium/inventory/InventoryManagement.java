package dev.emporium.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import dev.emporium.catalog.Catalog;

/**
 * Reserves stock for orders all-or-nothing, releases and commits those reservations, and
 * restocks SKUs. Every change to stock rows locks them in SKU order first.
 */
@Service
class InventoryManagement {

	private static final Logger log = LoggerFactory.getLogger(InventoryManagement.class);

	private final Stocks stocks;

	private final Reservations reservations;

	private final Catalog catalog;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	InventoryManagement(Stocks stocks, Reservations reservations, Catalog catalog, TransactionOperations transactions,
			ApplicationEventPublisher events) {
		this.stocks = stocks;
		this.reservations = reservations;
		this.catalog = catalog;
		this.transactions = transactions;
		this.events = events;
	}

	@Transactional
	void reserve(StockReservationRequested request) {
		var orderId = request.orderId();
		reservations.lockOrder(orderId);
		if (reservations.existsByOrderId(orderId)) {
			log.debug("Order {} already has a reservation record; ignoring the request", orderId);
			return;
		}
		var demand = demand(request.lines());
		var stock = lockStock(demand.keySet());
		var unavailable = demand.entrySet()
			.stream()
			.filter(line -> !stock.containsKey(line.getKey()) || !stock.get(line.getKey()).canReserve(line.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (!unavailable.isEmpty()) {
			reservations.save(Reservation.rejected(orderId));
			events.publishEvent(new StockShortage(orderId, unavailable));
			return;
		}
		var quantities = new TreeMap<String, Integer>();
		demand.forEach((sku, quantity) -> quantities.put(sku, Math.toIntExact(quantity)));
		quantities.forEach((sku, quantity) -> stock.get(sku).reserve(quantity));
		stock.values().forEach(stocks::save);
		reservations.save(Reservation.reserved(orderId, quantities));
		events.publishEvent(new StockReserved(orderId));
	}

	@Transactional
	void release(UUID orderId) {
		reservations.lockOrder(orderId);
		reservations.findByOrderId(orderId).ifPresentOrElse(reservation -> {
			if (reservation.isReserved()) {
				applyToStock(reservation.lines(), Stock::release);
				reservation.release();
				reservations.save(reservation);
			}
		}, () -> reservations.save(Reservation.releasedBeforeRequest(orderId)));
	}

	@Transactional
	void commit(UUID orderId) {
		reservations.lockOrder(orderId);
		var reservation = reservations.findByOrderId(orderId).orElse(null);
		if (reservation == null || !reservation.isReserved()) {
			log.warn("Order {} was dispatched while its reservation is {}; no stock committed", orderId,
					reservation == null ? "missing" : reservation.status());
			return;
		}
		applyToStock(reservation.lines(), Stock::commit);
		reservation.commit();
		reservations.save(reservation);
	}

	/**
	 * Adds stock for a SKU the catalog knows, creating its stock row on first restock.
	 * Asks the catalog before the transaction starts.
	 */
	Stock restock(String sku, int quantity) {
		if (catalog.findProduct(sku).isEmpty()) {
			throw new UnknownProductException(sku);
		}
		return transactions.execute(status -> {
			stocks.createIfAbsent(sku, 0);
			var stock = stocks.findLockedBySku(sku).orElseThrow();
			stock.restock(quantity);
			return stocks.save(stock);
		});
	}

	@Transactional(readOnly = true)
	Stock stockOf(String sku) {
		return stocks.findById(sku).orElseThrow(() -> new StockNotFoundException(sku));
	}

	/**
	 * Sums the quantities per SKU; a SKU with any non-positive quantity gets 0, which can
	 * never be reserved.
	 */
	private static SortedMap<String, Long> demand(List<StockReservationRequested.Line> lines) {
		var demand = new TreeMap<String, Long>();
		lines.forEach(line -> demand.merge(line.sku(), (long) line.quantity(),
				(sum, quantity) -> (sum > 0 && quantity > 0) ? sum + quantity : 0));
		return demand;
	}

	private Map<String, Stock> lockStock(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		return stocks.findLockedBySkuInOrderBySkuAsc(skus)
			.stream()
			.collect(Collectors.toMap(Stock::sku, Function.identity()));
	}

	private void applyToStock(List<ReservationLine> lines, StockChange change) {
		var stock = lockStock(lines.stream().map(ReservationLine::sku).toList());
		lines.forEach(line -> change.apply(stock.get(line.sku()), line.quantity()));
		stock.values().forEach(stocks::save);
	}

	private interface StockChange {

		void apply(Stock stock, int quantity);

	}

}
