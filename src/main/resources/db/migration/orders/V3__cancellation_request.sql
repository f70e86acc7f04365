-- A customer's request to cancel a paid order, which shipping accepts (the order becomes CANCELLED) or refuses
-- because the parcel has left (the order stands): PENDING, ACCEPTED or REFUSED; NULL when none was made.
ALTER TABLE orders.orders
  ADD COLUMN cancellation_request      VARCHAR(16),
  ADD COLUMN cancellation_requested_at TIMESTAMP WITH TIME ZONE;
