DROP INDEX `members_search`;--> statement-breakpoint
ALTER TABLE `members` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `members` SET `search_text` = `name_folded` || ' ' || lower(`code`) || ' ' || coalesce(`national_id`, '');--> statement-breakpoint
CREATE INDEX `members_search` ON `members` (`name_sort_key`,`id`,`archived_at`,`status`,`cell_id`,`search_text`);