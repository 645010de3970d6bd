CREATE TABLE `annual_record_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`year` integer NOT NULL,
	`received_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_record_receipts_member_year` ON `annual_record_receipts` (`member_id`,`year`);--> statement-breakpoint
CREATE INDEX `annual_record_receipts_year` ON `annual_record_receipts` (`year`);