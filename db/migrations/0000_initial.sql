CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`outcome` text DEFAULT 'done' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `cells` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cells_unit_name_unique` ON `cells` (`unit_id`,`name_folded`);--> statement-breakpoint
CREATE TABLE `enterprise_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`committees` integer DEFAULT 0 NOT NULL,
	`cells` integer DEFAULT 0 NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imported_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`unit_code` text NOT NULL,
	`signer_fingerprint` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`round_ref` text,
	`created_at` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text,
	`format_version` integer NOT NULL,
	`app_version` text NOT NULL,
	`file_sha256` text NOT NULL,
	`manifest` text NOT NULL,
	`report` text,
	`details` text,
	`file` blob NOT NULL,
	`superseded_by` text,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_packages_file_unique` ON `imported_packages` (`file_sha256`);--> statement-breakpoint
CREATE INDEX `imported_packages_unit_period` ON `imported_packages` (`unit_code`,`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `issued_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`issuer` text NOT NULL,
	`kind` text NOT NULL,
	`kind_label` text,
	`ref` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issued_documents_date` ON `issued_documents` (`date`);--> statement-breakpoint
CREATE TABLE `legal_bases` (
	`id` text PRIMARY KEY NOT NULL,
	`ref` text NOT NULL,
	`date` text,
	`issuer` text NOT NULL,
	`title` text NOT NULL,
	`replaced_by` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`replaced_by`) REFERENCES `legal_bases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legal_bases_ref_unique` ON `legal_bases` (`ref`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`cell_id` text NOT NULL,
	`code` text NOT NULL,
	`full_name` text NOT NULL,
	`name_folded` text NOT NULL,
	`name_sort_key` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`national_id` text,
	`holds_leadership_post` integer DEFAULT false NOT NULL,
	`leadership_post` text,
	`managing_committee` text,
	`under_disciplinary_review` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`phone` text,
	`email` text,
	`address` text,
	`notes` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cell_id`) REFERENCES `cells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_unit_code_unique` ON `members` (`unit_id`,`code`);--> statement-breakpoint
CREATE INDEX `members_name_folded` ON `members` (`name_folded`);--> statement-breakpoint
CREATE INDEX `members_sort` ON `members` (`name_sort_key`);--> statement-breakpoint
CREATE INDEX `members_national_id` ON `members` (`national_id`);--> statement-breakpoint
CREATE INDEX `members_cell` ON `members` (`cell_id`);--> statement-breakpoint
CREATE TABLE `own_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`signing_public_key` blob NOT NULL,
	`signing_private_key` blob NOT NULL,
	`encryption_public_key` blob NOT NULL,
	`encryption_private_key` blob NOT NULL,
	`fingerprint` text NOT NULL,
	`card` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	`replaced_by` text
);
--> statement-breakpoint
CREATE TABLE `party_activity_events` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`trip_id` text,
	`kind` text NOT NULL,
	`effective_date` text NOT NULL,
	`end_date` text,
	`reason` text,
	`deciding_body` text,
	`decision_ref` text,
	`decision_date` text,
	`destination` text,
	`returned` integer,
	`returned_date` text,
	`spouse_country` text,
	`marriage_outcome` text,
	`discipline_form` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_activity_events_member` ON `party_activity_events` (`member_id`);--> statement-breakpoint
CREATE INDEX `party_activity_events_kind_date` ON `party_activity_events` (`kind`,`effective_date`);--> statement-breakpoint
CREATE TABLE `reporting_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`ref` text NOT NULL,
	`title` text,
	`ref_date` text,
	`issuer_code` text,
	`issuer_name` text,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`deadline` text,
	`details_requested` integer DEFAULT false NOT NULL,
	`is_own` integer DEFAULT false NOT NULL,
	`request_package_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reporting_rounds_period` ON `reporting_rounds` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`round_id` text,
	`meta` text NOT NULL,
	`narrative` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`exported_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `reporting_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_period_unique` ON `reports` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `travel_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text,
	`expires_on` text,
	`issuer` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `travel_documents_member` ON `travel_documents` (`member_id`);--> statement-breakpoint
CREATE TABLE `trip_countries` (
	`trip_id` text NOT NULL,
	`country` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trip_countries_pk` ON `trip_countries` (`trip_id`,`country`);--> statement-breakpoint
CREATE INDEX `trip_countries_country` ON `trip_countries` (`country`);--> statement-breakpoint
CREATE TABLE `trip_events` (
	`id` text PRIMARY KEY NOT NULL,
	`trip_id` text NOT NULL,
	`transition` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`effective_date` text,
	`document_ref` text,
	`note` text,
	`values` text,
	`user_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trip_events_trip` ON `trip_events` (`trip_id`,`at`);--> statement-breakpoint
CREATE TABLE `trips` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`member_id` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`purpose` text NOT NULL,
	`purpose_detail` text,
	`self_funded` integer DEFAULT false NOT NULL,
	`funding_source` text,
	`funding_note` text,
	`invited_by_name` integer DEFAULT false NOT NULL,
	`inviter` text,
	`special_mission` integer DEFAULT false NOT NULL,
	`travel_document_kind` text,
	`travel_document_id` text,
	`carries_secret_documents` integer DEFAULT false NOT NULL,
	`secret_documents_approval` text,
	`application_date` text,
	`cell_opinion` text,
	`cell_opinion_date` text,
	`commitment_date` text,
	`approval_ref` text,
	`approval_date` text,
	`approving_committee` text,
	`planned_departure` text NOT NULL,
	`planned_return` text NOT NULL,
	`actual_departure` text,
	`actual_return` text,
	`extended_return` text,
	`overstay` text DEFAULT 'none' NOT NULL,
	`overstay_handling` text,
	`activity_transfer` text DEFAULT 'none' NOT NULL,
	`exemption` integer DEFAULT false NOT NULL,
	`labour_export_transfer` integer DEFAULT false NOT NULL,
	`transferred_back_date` text,
	`return_report_date` text,
	`report_foreign_contacts` text,
	`report_gifts` text,
	`report_documents_brought` text,
	`report_issues` text,
	`evaluation` text,
	`evaluated_at` text,
	`closing_reason` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`travel_document_id`) REFERENCES `travel_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trips_code_unique` ON `trips` (`code`);--> statement-breakpoint
CREATE INDEX `trips_member` ON `trips` (`member_id`);--> statement-breakpoint
CREATE INDEX `trips_state` ON `trips` (`state`);--> statement-breakpoint
CREATE INDEX `trips_approval_date` ON `trips` (`approval_date`);--> statement-breakpoint
CREATE INDEX `trips_planned_departure` ON `trips` (`planned_departure`);--> statement-breakpoint
CREATE TABLE `trusted_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`unit_name` text NOT NULL,
	`level` text NOT NULL,
	`fingerprint` text NOT NULL,
	`signing_public_key` blob NOT NULL,
	`encryption_public_key` blob NOT NULL,
	`card` text NOT NULL,
	`relation` text NOT NULL,
	`trusted_at` text NOT NULL,
	`trusted_by` text,
	`revoked_at` text,
	`revoked_reason` text,
	`replaces_fingerprint` text,
	FOREIGN KEY (`trusted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_cards_fingerprint_unique` ON `trusted_cards` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `trusted_cards_unit` ON `trusted_cards` (`unit_code`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`is_self` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_single_self` ON `units` (`is_self`) WHERE "units"."is_self" = 1;--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_changed_at` text,
	`last_sign_in_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);