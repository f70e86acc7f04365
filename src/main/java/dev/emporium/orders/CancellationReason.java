package dev.emporium.orders;

/**
 * Why an order was cancelled.
 */
enum CancellationReason {

	OUT_OF_STOCK, PAYMENT_DECLINED, CUSTOMER_REQUEST

}
