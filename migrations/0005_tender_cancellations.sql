-- EDI 204 cancellations (B2A-01 "01"): the shipper withdraws a tender. The tender row stays (what was
-- offered, what we answered) and records when and by which file it was withdrawn; its load leaves
-- planning, and a withdrawn tender can no longer be answered. A later original tender of the same
-- shipment, while unanswered, offers it again and clears the cancellation.
ALTER TABLE tenders ADD COLUMN cancelled_at timestamptz;
ALTER TABLE tenders ADD COLUMN cancel_file_name text;
