CREATE TABLE `audit_anchors` (
	`unit_code` text NOT NULL,
	`rows` integer NOT NULL,
	`hash` text NOT NULL,
	`package_id` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_anchors_unit_rows` ON `audit_anchors` (`unit_code`,`rows`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_own_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`signing_public_key` blob NOT NULL,
	`signing_private_key` blob,
	`encryption_public_key` blob NOT NULL,
	`encryption_private_key` blob,
	`fingerprint` text NOT NULL,
	`card` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	`replaced_by` text
);
--> statement-breakpoint
INSERT INTO `__new_own_keys`("id", "signing_public_key", "signing_private_key", "encryption_public_key", "encryption_private_key", "fingerprint", "card", "created_at", "retired_at", "replaced_by") SELECT "id", "signing_public_key", "signing_private_key", "encryption_public_key", "encryption_private_key", "fingerprint", "card", "created_at", "retired_at", "replaced_by" FROM `own_keys`;--> statement-breakpoint
DROP TABLE `own_keys`;--> statement-breakpoint
ALTER TABLE `__new_own_keys` RENAME TO `own_keys`;--> statement-breakpoint
PRAGMA foreign_keys=ON;