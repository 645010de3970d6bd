CREATE INDEX `audit_log_username` ON `audit_log` (`username`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`);